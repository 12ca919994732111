// Status as a word and a symbol, never colour alone; ICE's names translated only here, for people.
const LOOK: Record<string, { symbol: string; label: string }> = {
  Success: { symbol: '✓', label: 'Success' },
  Fail: { symbol: '✕', label: 'Failed' },
  Init: { symbol: '◷', label: 'Processing' },
};

export function StatusBadge({ status }: { status: string }) {
  const look = LOOK[status] ?? { symbol: '?', label: status };
  return (
    <span className={`badge badge-${LOOK[status] ? status : 'other'}`} title={`ICE status: ${status}`}>
      <span aria-hidden="true">{look.symbol}</span>
      {look.label}
    </span>
  );
}
