/** A full-width, left-aligned button that lists one thing (a finding, a table): shared by the pane's lists. */
export const listItemStyle = {
  display: 'block',
  width: '100%',
  textAlign: 'left',
  height: 'auto',
  padding: '6px 8px',
  marginBottom: '4px',
  justifyContent: 'flex-start',
} as const;
