import type { AriaLabelConfig } from '@xyflow/svelte';

const DIRECTIONS: Record<string, string> = { up: 'op', down: 'ned', left: 'til venstre', right: 'til højre' };

/** Svelte Flow's own accessible labels and live messages, in Danish. */
export const ARIA_LABELS: Partial<AriaLabelConfig> = {
  'node.a11yDescription.default':
    'Tryk Enter eller mellemrum for at vælge rollen og vise dens relationer, og D for at gå til dens detaljer. Plus og minus zoomer, 0 viser hele kortet. Tryk Escape for at fravælge.',
  'node.a11yDescription.keyboardDisabled':
    'Tryk Enter eller mellemrum for at vælge rollen, og D for at gå til dens detaljer. Flyt den derefter med piletasterne. Plus og minus zoomer, 0 viser hele kortet. Tryk Escape for at fravælge.',
  'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
    `Rollen er flyttet ${DIRECTIONS[direction] ?? direction}. Ny position: x ${x}, y ${y}.`,
  'edge.a11yDescription.default': 'Tryk Enter eller mellemrum for at vælge relationen og vise kildens citat. Tryk Escape for at fravælge.',
  'controls.ariaLabel': 'Styring af kortet',
  'controls.zoomIn.ariaLabel': 'Zoom ind',
  'controls.zoomOut.ariaLabel': 'Zoom ud',
  'controls.fitView.ariaLabel': 'Vis hele kortet',
  'controls.interactive.ariaLabel': 'Lås eller lås op for flytning af roller',
  'minimap.ariaLabel': 'Oversigtskort',
  'handle.ariaLabel': 'Forbindelsespunkt',
};
