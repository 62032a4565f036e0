// An app as an integrator writes it: only the React entry is imported (it must define the tag).
import { createRoot } from 'react-dom/client';
import { VerifikEnroll } from 'verifik-enroll/react';
import type { VerifikErrorEvent } from 'verifik-enroll';

// The test passes the sandbox's address and the project in the query string.
const query = new URLSearchParams(location.search);
const errors: string[] = [];

function App() {
  return (
    <VerifikEnroll
      project={query.get('project') ?? ''}
      flow={query.get('flow') ?? ''}
      apiUrl={query.get('api') ?? ''}
      tokenEndpoint={query.get('tokenEndpoint') ?? ''}
      persist="none"
      onVerifikError={(event: VerifikErrorEvent) => {
        errors.push(`${event.detail.code}: ${event.detail.message}`);
        document.body.dataset['errors'] = errors.join('\n');
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(<App />);
