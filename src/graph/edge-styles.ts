/** How each relation type is drawn: colour, dash pattern and width. Colours keep 3:1 contrast on white. */
export interface EdgeStyle {
  color: string;
  dash: string | null;
  width: number;
}

const STYLES: Record<string, EdgeStyle> = {
  'afloeses-af': { color: '#1a1a1a', dash: null, width: 3.5 },
  'tildeler-rolle': { color: '#b3261e', dash: null, width: 2 },
  'rapporterer-til': { color: '#1f5fa8', dash: null, width: 1.5 },
  'sparringspart-for': { color: '#7a4fb0', dash: '6 4', width: 1.5 },
  'overleverer-til': { color: '#8a4b00', dash: null, width: 2 },
  bistaar: { color: '#0b7a3e', dash: '2 4', width: 2 },
  'samarbejder-med': { color: '#5b6770', dash: '8 4', width: 1.5 },
  'eskalerer-til': { color: '#c2185b', dash: '12 4', width: 2 },
  'bestiller-hos': { color: '#00796b', dash: '10 3 2 3', width: 2 },
  informerer: { color: '#3f51b5', dash: '1 5', width: 2.5 },
  'fungerer-som': { color: '#6d4c41', dash: '4 2', width: 2 },
  leder: { color: '#37474f', dash: null, width: 1.5 },
};

const FALLBACK: EdgeStyle = { color: '#5b6770', dash: null, width: 1.5 };

export function edgeStyle(type: string): EdgeStyle {
  return STYLES[type] ?? FALLBACK;
}

/** The SVG style attribute for an edge path. */
export function edgeCss(style: EdgeStyle): string {
  return `stroke: ${style.color}; stroke-width: ${style.width}px;${style.dash ? ` stroke-dasharray: ${style.dash};` : ''}`;
}
