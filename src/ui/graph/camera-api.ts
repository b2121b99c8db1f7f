/** What the rest of the UI can ask of the map's camera (buttons, shortcuts, search). */
export interface MapCamera {
  /** Frames every shown role ("Vis hele kortet", `0`). */
  fitAll(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Frames a role and its neighbours, with a smooth move unless reduced motion is asked for. */
  focusRole(roleId: string): void;
  /** Moves the map by screen pixels, e.g. to bring a focused control into view. */
  panBy(dx: number, dy: number): void;
  /** Frames these roles (a tour step), smoothly unless reduced motion is asked for; keeps them framed on a resize. */
  frameRoles(roleIds: readonly string[]): void;
  /** Goes to a stored viewport (a tour step recorded from the map). */
  showViewport(viewport: { x: number; y: number; zoom: number }): void;
  /** Where the camera is now, to record it. */
  viewport(): { x: number; y: number; zoom: number };
}
