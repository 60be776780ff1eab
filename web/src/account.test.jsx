import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, stubApi, sessionUser, USER } from './test/api.js';
import { renderSite } from './test/render.jsx';

const location = () => screen.getByTestId('location').textContent;

async function openProfile(routes) {
  let signedIn = true;
  const api = stubApi({
    'GET /api/session': () => reply(200, { user: signedIn ? sessionUser() : null }),
    'GET /api/userinfo': () => (signedIn ? reply(200, USER) : reply(401, { error: 'User not authenticated' })),
    'GET /api/watchlist': reply(200, []),
    ...routes((value) => {
      signedIn = value;
    }),
  });
  renderSite('/profil');
  await screen.findByRole('heading', { level: 1, name: 'Profil' });
  const zone = screen.getByRole('heading', { level: 2, name: 'Supprimer mon compte' }).closest('section');
  return { api, zone: within(zone) };
}

describe('deleting the account', () => {
  it('asks for the password, then for a confirmation, then deletes, logs out and goes home', async () => {
    const { api, zone } = await openProfile((setSignedIn) => ({
      'DELETE /api/account': () => {
        setSignedIn(false);
        return reply(200, { deleted: true });
      },
    }));
    fireEvent.click(zone.getByRole('button', { name: 'Supprimer mon compte' }));
    expect(zone.getByRole('alert').textContent).toBe('Saisissez votre mot de passe pour supprimer votre compte');

    fireEvent.change(zone.getByLabelText('Votre mot de passe actuel'), { target: { value: 'un mot de passe solide' } });
    fireEvent.click(zone.getByRole('button', { name: 'Supprimer mon compte' }));
    expect(zone.getByText('Êtes-vous sûr ? Cette action est définitive.')).toBeTruthy();
    expect(api.callsTo('DELETE', '/api/account')).toHaveLength(0);

    fireEvent.click(zone.getByRole('button', { name: 'Oui, supprimer définitivement' }));
    await waitFor(() => expect(location()).toBe('/'));
    const [call] = api.callsTo('DELETE', '/api/account');
    expect(JSON.parse(call.body)).toEqual({ password: 'un mot de passe solide' });
    expect(call.headers['Content-Type']).toBe('application/json');
    const panel = screen.getByRole('navigation', { name: 'Compte' });
    expect(within(panel).getByRole('link', { name: 'Connexion' })).toBeTruthy();
    expect(within(panel).queryByTestId('username')).toBeNull();
  });

  it('can be cancelled at the confirmation', async () => {
    const { api, zone } = await openProfile(() => ({}));
    fireEvent.change(zone.getByLabelText('Votre mot de passe actuel'), { target: { value: 'un mot de passe solide' } });
    fireEvent.click(zone.getByRole('button', { name: 'Supprimer mon compte' }));
    fireEvent.click(zone.getByRole('button', { name: 'Annuler' }));
    expect(zone.queryByRole('button', { name: 'Oui, supprimer définitivement' })).toBeNull();
    expect(api.callsTo('DELETE', '/api/account')).toHaveLength(0);
  });

  it('says "Mot de passe incorrect" and keeps the user signed in on a wrong password', async () => {
    const { zone } = await openProfile(() => ({ 'DELETE /api/account': reply(401, { error: 'Incorrect Password' }) }));
    fireEvent.change(zone.getByLabelText('Votre mot de passe actuel'), { target: { value: 'pas le bon' } });
    fireEvent.click(zone.getByRole('button', { name: 'Supprimer mon compte' }));
    fireEvent.click(zone.getByRole('button', { name: 'Oui, supprimer définitivement' }));
    expect((await zone.findByRole('alert')).textContent).toBe('Mot de passe incorrect');
    expect(location()).toBe('/profil');
    expect(screen.getByTestId('username').textContent).toBe(USER.username);
  });
});

describe('changing the e-mail or the password', () => {
  const CURRENT = "Mot de passe actuel (pour changer l'e-mail ou le mot de passe)";

  it('asks for the present password first, then sends it with the change', async () => {
    const { api } = await openProfile(() => ({ 'PATCH /modify': reply(200, { id: USER.id, username: USER.username, isconnected: true }) }));
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'ada@lovelace.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText("saisissez votre mot de passe actuel pour changer l'e-mail ou le mot de passe")).toBeTruthy();
    expect(api.callsTo('PATCH', '/modify')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(CURRENT), { target: { value: 'un mot de passe solide' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Profil mis à jour.');
    const [call] = api.callsTo('PATCH', '/modify');
    expect(JSON.parse(call.body)).toEqual({ email: 'ada@lovelace.example', current_password: 'un mot de passe solide' });
  });

  it('changes a name without it', async () => {
    const { api } = await openProfile(() => ({ 'PATCH /modify': reply(200, { id: USER.id, username: USER.username, isconnected: true }) }));
    fireEvent.change(screen.getByLabelText('Prénom'), { target: { value: 'Augusta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Profil mis à jour.');
    expect(JSON.parse(api.callsTo('PATCH', '/modify')[0].body)).toEqual({ first_name: 'Augusta' });
  });

  it('says so when the present password is wrong', async () => {
    await openProfile(() => ({ 'PATCH /modify': reply(401, { error: 'Incorrect Password' }) }));
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'ada@lovelace.example' } });
    fireEvent.change(screen.getByLabelText(CURRENT), { target: { value: 'pas le bon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('mot de passe actuel incorrect')).toBeTruthy();
  });
});
