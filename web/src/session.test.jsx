import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionProvider, useSession } from './session.jsx';
import { reply, sessionUser, stubApi } from './test/api.js';

function Probe() {
  const { user, checked, refresh, signOut } = useSession();
  return (
    <div>
      <output data-testid="state">{checked ? (user ? `signed in as ${user.username}` : 'visitor') : 'checking'}</output>
      <button type="button" onClick={refresh}>
        refresh
      </button>
      <button type="button" onClick={signOut}>
        sign out
      </button>
    </div>
  );
}

const state = () => screen.getByTestId('state').textContent;

describe('the session', () => {
  it('asks GET /api/session once, and a visitor is a visitor without any error answer', async () => {
    const api = stubApi();
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    expect(state()).toBe('checking');
    await waitFor(() => expect(state()).toBe('visitor'));
    expect(api.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/session']);
    // Neither of the old checks, which answered 401 to a visitor.
    expect(api.callsTo('GET', '/@me')).toHaveLength(0);
    expect(api.callsTo('GET', '/api/userinfo')).toHaveLength(0);
  });

  it('names the member the server names', async () => {
    stubApi({}, { signedIn: true });
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(state()).toBe(`signed in as ${sessionUser().username}`));
  });

  it('refresh asks again (after a login), and signing out posts /logout and forgets the user', async () => {
    let signedIn = false;
    const api = stubApi({
      'GET /api/session': () => reply(200, { user: signedIn ? sessionUser() : null }),
      'POST /logout': () => {
        signedIn = false;
        return reply(200, { isconnected: false });
      },
    });
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(state()).toBe('visitor'));
    signedIn = true;
    await act(async () => screen.getByRole('button', { name: 'refresh' }).click());
    await waitFor(() => expect(state()).toBe('signed in as ada'));
    await act(async () => screen.getByRole('button', { name: 'sign out' }).click());
    await waitFor(() => expect(state()).toBe('visitor'));
    expect(api.callsTo('POST', '/logout')).toHaveLength(1);
    expect(api.callsTo('GET', '/api/session')).toHaveLength(2);
  });

  it('an unreachable server leaves a visitor, checked', async () => {
    stubApi({ 'GET /api/session': reply(502, { error: 'Bad gateway' }) });
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(state()).toBe('visitor'));
  });
});
