export default function JobLoading() {
  return (
    <div aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading the job…
      </p>
      <span className="skeleton" style={{ width: '40%', height: '1.8rem', marginBottom: '1rem' }} />
      {Array.from({ length: 6 }, (_, i) => (
        <span key={i} className="skeleton" style={{ width: `${30 + (i % 3) * 15}%`, margin: '0.5rem 0' }} />
      ))}
    </div>
  );
}
