// Contract tests of the project's emulated platform modules (test/emulation/lightning, shared with the workbench;
// this folder is named lwc/ so the lwc Jest project picks it up). Component tests rely on these behaviours.
import { api, createElement, LightningElement } from 'lwc';
import {
  APPLICATION_SCOPE,
  createMessageContext,
  getSubscriberCount,
  publish,
  resetMessageService,
  subscribe,
  unsubscribe,
} from 'lightning/messageService';
import { NavigationMixin, getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import { EnclosingUtilityId, getInfo, open, updateUtility } from 'lightning/platformUtilityBarApi';
import { loadScript } from 'lightning/platformResourceLoader';
import { ShowToastEvent, ShowToastEventName } from 'lightning/platformShowToastEvent';
import SOFTPHONE_CHANNEL from '@salesforce/messageChannel/Softphone__c';

describe('project jest mocks', () => {
  afterEach(() => {
    resetMessageService();
    resetNavigation();
    jest.clearAllMocks();
  });

  describe('lightning/messageService', () => {
    const context = createMessageContext();

    it('delivers a published message to every subscriber of that channel', () => {
      const first = jest.fn();
      const second = jest.fn();
      subscribe(context, SOFTPHONE_CHANNEL, first, { scope: APPLICATION_SCOPE });
      subscribe(context, SOFTPHONE_CHANNEL, second);
      const message = { version: 1, type: 'clickToDial', requestId: 'r-1', payload: { number: '+15550100' } };

      publish(context, SOFTPHONE_CHANNEL, message);

      expect(first).toHaveBeenCalledWith(message);
      expect(second).toHaveBeenCalledWith(message);
    });

    it('does not deliver to subscribers of another channel', () => {
      const listener = jest.fn();
      subscribe(context, { channelName: 'Other__c' }, listener);

      publish(context, SOFTPHONE_CHANNEL, { type: 'ping' });

      expect(listener).not.toHaveBeenCalled();
    });

    it('stops delivering after unsubscribe and after reset', () => {
      const listener = jest.fn();
      const subscription = subscribe(context, SOFTPHONE_CHANNEL, listener);
      unsubscribe(subscription);
      publish(context, SOFTPHONE_CHANNEL, { type: 'ping' });
      subscribe(context, SOFTPHONE_CHANNEL, listener);
      resetMessageService();
      publish(context, SOFTPHONE_CHANNEL, { type: 'ping' });

      expect(listener).not.toHaveBeenCalled();
      expect(getSubscriberCount(SOFTPHONE_CHANNEL)).toBe(0);
    });

    it('lets a listener reply on the same channel (round trip)', () => {
      const replies = jest.fn();
      subscribe(context, SOFTPHONE_CHANNEL, (message) => {
        if (message.type === 'request') {
          publish(context, SOFTPHONE_CHANNEL, { type: 'reply', requestId: message.requestId });
        } else {
          replies(message);
        }
      });

      publish(context, SOFTPHONE_CHANNEL, { type: 'request', requestId: 'r-2' });

      expect(replies).toHaveBeenCalledWith({ type: 'reply', requestId: 'r-2' });
    });
  });

  describe('lightning/navigation', () => {
    it('records the page reference a component navigates to', () => {
      class Navigator extends NavigationMixin(LightningElement) {
        @api
        go(pageReference) {
          this[NavigationMixin.Navigate](pageReference, true);
        }
      }
      const element = createElement('c-navigator', { is: Navigator });
      const pageReference = { type: 'standard__recordPage', attributes: { recordId: '003000000000001' } };

      element.go(pageReference);

      expect(getNavigateCalledWith()).toEqual({ pageReference, replace: true });
    });
  });

  describe('lightning/platformUtilityBarApi', () => {
    it('resolves like the platform and records calls', async () => {
      await open('utility-1');
      await updateUtility('utility-1', { highlighted: true });

      expect(open).toHaveBeenCalledWith('utility-1');
      expect(updateUtility).toHaveBeenCalledWith('utility-1', { highlighted: true });
      await expect(getInfo('utility-1')).resolves.toMatchObject({ id: 'utility-1', utilityVisible: false });
      expect(typeof EnclosingUtilityId.emit).toBe('function');
    });
  });

  describe('lightning/platformResourceLoader', () => {
    it('resolves loadScript unless a test makes it fail', async () => {
      await expect(loadScript({}, '/resource/softphoneCore')).resolves.toBeUndefined();
      loadScript.mockRejectedValueOnce(new Error('blocked by CSP'));
      await expect(loadScript({}, '/resource/softphoneCore')).rejects.toThrow('blocked by CSP');
    });
  });

  describe('lightning/platformShowToastEvent', () => {
    it('is a bubbling, composed event carrying the toast', () => {
      const toast = { title: 'Call failed', message: 'Busy', variant: 'error' };
      const event = new ShowToastEvent(toast);

      expect(event.type).toBe(ShowToastEventName);
      expect(event.bubbles && event.composed).toBe(true);
      expect(event.detail).toEqual(toast);
    });
  });
});
