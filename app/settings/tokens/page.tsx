import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { errorText } from '@/components/ui/error-text';
import { PortalErrorPanel } from '@/components/ui/portal-error-panel';
import { TokenManager } from '@/components/tokens/token-manager';
import type { User } from '@/lib/auth/access';
import { requireUser } from '@/lib/auth/require-user';
import { toPortalError, tokensOff } from '@/lib/errors';
import { appStore } from '@/lib/store/app-store';
import { isTokenAdmin, listEveryonesTokens, listTokens } from '@/lib/tokens/api-tokens';
import { getTokenConfig } from '@/lib/tokens/config';
import { MAX_TOKENS } from '@/lib/tokens/token-limits';
import { submitPermission } from '@/lib/submit/submit-permission';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tokens'))('title') };
}

/** The person's tokens, and everyone's for an admin, with when they were read. */
async function readTokens(user: User) {
  const [tokens, everyone] = await Promise.all([listTokens(user), isTokenAdmin(user) ? listEveryonesTokens() : undefined]);
  return { tokens, everyone, readAtMs: Date.now() };
}

export default async function TokensPage() {
  const user = await requireUser();
  const t = await getTranslations('tokens');
  const config = getTokenConfig();
  const heading = <h1>{t('title')}</h1>;
  if (config.off) {
    return (
      <>
        {heading}
        <p className="banner" role="note">
          {errorText(await getTranslations('errors'), tokensOff(config.off))}
        </p>
      </>
    );
  }
  let read;
  try {
    read = await readTokens(user);
  } catch (error) {
    return (
      <>
        {heading}
        <PortalErrorPanel error={toPortalError(error)} what="page" />
      </>
    );
  }
  return (
    <>
      {heading}
      <p>{t('intro')}</p>
      <p className="muted">
        {t('limit', { max: MAX_TOKENS })}
        {!appStore().shared && <> {t('memoryStore')}</>}
      </p>
      <TokenManager maxDays={config.maxDays} canSubmit={(await submitPermission()).allowed} initial={read.tokens} {...(read.everyone ? { everyone: read.everyone } : {})} renderedAtMs={read.readAtMs} />
    </>
  );
}
