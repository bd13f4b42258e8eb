/**
 * Stand-in for `import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c'`:
 * one shared opaque value, so subscribe/publish calls can be matched by identity as on the platform.
 */
export default Object.freeze({ channelName: 'Softphone__c' });
