/** A microphone or speaker the agent can choose (labels are empty until the page may use the microphone). */
export interface AudioDevice {
  deviceId: string;
  label: string;
  kind: 'audioinput' | 'audiooutput';
}
