/** Each role group's colour: the bar on its role boxes, the legend and the exports. 3:1 contrast on white. */
export const GROUP_COLOURS: Record<string, string> = {
  systemspecifik: '#1f5fa8',
  tvaergaaende: '#7a4fb0',
  infrastruktur: '#0b7a3e',
  infrastrukturadministrator: '#8a4b00',
};

export const groupColour = (groupId: string) => GROUP_COLOURS[groupId] ?? '#5b6770';
