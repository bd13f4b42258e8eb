/** utility → bridge `setPanelVisibility`: open (true) or minimise (false) the Open CTI softphone panel. */
export interface PanelVisibilityRequest {
  visible: boolean;
}
