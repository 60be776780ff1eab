import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { loginMessage, signUpMessage, ApiError } from './api.js';
import ConnectionPanel from './components/ConnectionPanel.jsx';
import Login from './pages/Login.jsx';
import SignUp from './pages/SignUp.jsx';
import { SessionProvider } from './session.jsx';

function json(status, body) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

function renderWith(ui, { user = null, checked = true } = {}) {
  return render(
    <MemoryRouter>
      <SessionProvider initialUser={user} skipInitialCheck={checked}>
        {ui}
      </SessionProvider>
    </MemoryRouter>,
  );
}

describe('connection panel', () => {
  it('offers Connexion and Inscription when signed out', () => {
    renderWith(<ConnectionPanel />);
    expect(screen.getByRole('link', { name: 'Connexion' }).getAttribute('href')).toBe('/connexion');
    expect(screen.getByRole('link', { name: 'Inscription' }).getAttribute('href')).toBe('/inscription');
    expect(screen.queryByText('Déconnexion')).toBeNull();
  });

  it('shows the username, Profil and Déconnexion when signed in', () => {
    renderWith(<ConnectionPanel />, { user: { id: '1', username: 'ada', email: 'a@b.co' } });
    expect(screen.getByTestId('username').textContent).toBe('ada');
    expect(screen.getByRole('link', { name: 'Profil' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Déconnexion' })).toBeTruthy();
  });

  it('takes its state from /api/session alone', async () => {
    const fetch = vi.fn(() => json(200, { user: { id: '1', username: 'grace', email: 'a@b.co' } }));
    vi.stubGlobal('fetch', fetch);
    render(
      <MemoryRouter>
        <SessionProvider>
          <ConnectionPanel />
        </SessionProvider>
      </MemoryRouter>,
    );
    await waitFor(() => expect(screen.getByTestId('username').textContent).toBe('grace'));
    expect(fetch.mock.calls.map((call) => call[0])).toEqual(['/api/session']);
  });

  it('logs out through POST /logout', async () => {
    const fetch = vi.fn(() => json(200, { isconnected: false }));
    vi.stubGlobal('fetch', fetch);
    renderWith(<ConnectionPanel />, { user: { id: '1', username: 'ada' } });
    fireEvent.click(screen.getByRole('button', { name: 'Déconnexion' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Connexion' })).toBeTruthy());
    expect(fetch.mock.calls[0][0]).toBe('/logout');
    expect(fetch.mock.calls[0][1].method).toBe('POST');
  });
});

describe('sign-up form', () => {
  it('checks every field before calling the server', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderWith(<SignUp />);
    fireEvent.change(screen.getByLabelText("Nom d'utilisateur"), { target: { value: 'ab' } });
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'nope' } });
    fireEvent.change(screen.getByLabelText('Téléphone (facultatif)'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    expect(fetch).not.toHaveBeenCalled();
    for (const label of ["Nom d'utilisateur", 'E-mail', 'Mot de passe', 'Prénom', 'Nom', 'Téléphone (facultatif)']) {
      expect(screen.getByLabelText(label).getAttribute('aria-invalid'), label).toBe('true');
    }
  });

  it('shows the conflict message on 409', async () => {
    vi.stubGlobal('fetch', vi.fn(() => json(409, { error: 'user already exists' })));
    renderWith(<SignUp />);
    const values = {
      "Nom d'utilisateur": 'ada_l',
      'E-mail': 'ada@example.org',
      'Mot de passe': 'correct horse',
      Prénom: 'Ada',
      Nom: 'Lovelace',
    };
    for (const [label, value] of Object.entries(values)) {
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe("ce nom d'utilisateur ou cet e-mail est déjà pris"),
    );
  });
});

describe('login form', () => {
  it('maps the server answers to French messages', () => {
    expect(loginMessage(new ApiError(401, 'Incorrect Login'))).toBe("Nom d'utilisateur inconnu");
    expect(loginMessage(new ApiError(401, 'Incorrect Password'))).toBe('Mot de passe incorrect');
    expect(loginMessage(new ApiError(429, 'Too many requests'))).toBe('trop de tentatives, réessayez plus tard');
    expect(signUpMessage(new ApiError(400, 'email must look like name@domain.tld'))).toBe('email must look like name@domain.tld');
  });

  it('shows a wrong password', async () => {
    vi.stubGlobal('fetch', vi.fn(() => json(401, { error: 'Incorrect Password' })));
    renderWith(<Login />);
    fireEvent.change(screen.getByLabelText("Nom d'utilisateur"), { target: { value: 'ada' } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Mot de passe incorrect'));
  });
});
