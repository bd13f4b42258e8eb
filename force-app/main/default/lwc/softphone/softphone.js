import { LightningElement, wire } from 'lwc';
import getSettings from '@salesforce/apex/SoftphoneSettingsController.getSettings';

// Utility-bar host of the softphone. For now it only loads the agent's settings; the core
// (static resource softphoneCore) and the call UI arrive in later issues.
export default class Softphone extends LightningElement {
  @wire(getSettings)
  settings;

  get statusText() {
    if (this.settings?.error) {
      return 'Phone not connected: settings could not be loaded';
    }
    return 'Phone not connected';
  }
}
