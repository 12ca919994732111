// 401 in proxy-jwt mode: the identity proxy's token was missing its mark (expired, forged, for another
// audience). There is no login page to send anyone to, so say what happened instead of looping.
export default function Unauthorized() {
  return (
    <section className="panel error" aria-labelledby="unauthorized-title">
      <h1 id="unauthorized-title">Not signed in</h1>
      <p>The identity proxy in front of this portal sent a sign-in token that the portal refused: it has expired, or it was not issued for this portal.</p>
      <p>Reload the page to sign in through the proxy again. If this keeps happening, tell the portal&apos;s operators.</p>
    </section>
  );
}
