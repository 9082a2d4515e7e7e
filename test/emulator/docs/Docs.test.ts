// Contract checks of the Docs v1 advanced service: which scopes it accepts
// (https://developers.google.com/docs/api/auth).
import { runChecks, type Check } from '../harness';
import { APP_SCOPES, manifest } from '../manifest';

const SCOPES = 'https://developers.google.com/docs/api/auth';
const scope = (s: string): string => 'https://www.googleapis.com/auth/' + s;

export const docsChecks: Check[] = [
  {
    name: 'Docs accepts the drive scope (decisions.md relies on it): no documents scope needed',
    source: SCOPES,
    setup: (env) => {
      expect(APP_SCOPES.filter((s) => /documents/.test(s))).toEqual([]);
      manifest(APP_SCOPES)(env);
    },
    run: (t) => {
      const id = Drive!.Files.create({ name: 't', mimeType: 'application/vnd.google-apps.document' }).id!;
      t.equal(Docs!.Documents.get(id).title, 't');
      Docs!.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'x' } }] }, id);
    },
  },
  {
    name: 'without documents or any drive scope, Docs answers 403 insufficient scopes',
    source: SCOPES,
    setup: manifest([scope('spreadsheets.currentonly')]),
    run: (t) => {
      t.throws(
        () => Docs!.Documents.get('any'),
        /^API call to docs\.documents\.get failed with error: Request had insufficient authentication scopes\.$/,
        'GoogleJsonResponseException',
      );
    },
  },
];

runChecks('docs.Docs', docsChecks);
