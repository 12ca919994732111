import { useTranslations } from 'next-intl';

export default function JobLoading() {
  const t = useTranslations('job');
  return (
    <div className="stand-in" aria-busy="true">
      <p role="status" className="visually-hidden">
        {t('loading')}
      </p>
      <span className="skeleton" style={{ width: '40%', height: '1.8rem', marginBottom: '1rem' }} />
      {Array.from({ length: 6 }, (_, i) => (
        <span key={i} className="skeleton" style={{ width: `${30 + (i % 3) * 15}%`, margin: '0.5rem 0' }} />
      ))}
    </div>
  );
}
