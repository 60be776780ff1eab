import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { Site } from '../App.jsx';

// Where the router is, for assertions on navigation.
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

// The whole site at `path`, in a memory router (stub fetch first: tests/api.js).
export function renderSite(path = '/') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Site />
      <LocationProbe />
    </MemoryRouter>,
  );
}
