import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { SIMULATED_RECORDS } from '../../demo/server/services/documents.js';
import { base64, type Holder, idCardFront, passportMrz, passportPage } from '../helpers/node/face-images.js';
import { createFlow, passContactChecks, register, type Registrant, signUp } from '../helpers/node/journey.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/**
 * Documents that are read, over HTTP against a real sandbox: Tesseract reads generated ID cards
 * and a passport page, the MRZ's check digits decide, the names are checked against the sign-up,
 * and the criminal-history check is simulated.
 */

const LUCIA: Holder = {
  lastName: 'PÉREZ LÓPEZ',
  firstName: 'LUCÍA',
  documentNumber: '52.345.678',
  birthDate: '1979-07-15',
};
const JUAN: Holder = {
  lastName: 'RESTREPO ÁLVAREZ',
  firstName: 'JUAN CAMILO',
  documentNumber: 'PE1234567',
  birthDate: '1988-11-23',
  expirationDate: '2031-05-30',
  sex: 'M',
};

describe('documents that are read', () => {
  let sandbox: TestSandbox;
  let project: string;
  let namesFlow: string;
  let criminalFlow: string;

  before(async () => {
    sandbox = await startTestSandbox();
    project = await createProject(sandbox);
    const document = { compareMinScore: 0.8, maxAttempts: 3 };
    namesFlow = await createFlow(sandbox, project, { document: { ...document, verifyNames: true } });
    criminalFlow = await createFlow(sandbox, project, { document: { ...document, verifyCriminalHistory: true } });
  });
  after(() => sandbox.close());

  const as = (who: Registrant) => ({ token: who.token });
  const upload = (who: Registrant, image: Buffer, extra: Record<string, unknown> = {}) =>
    sandbox.api('POST', '/v2/document-validations/app-registration', { image: base64(image, true), ...extra }, as(who));
  const validate = (who: Registrant, id: string) =>
    sandbox.api('PUT', `/v2/document-validations/${id}/validate`, { _id: id, force: true }, as(who));

  test('an ID card is read: names, number and birth date in OCRExtraction; matching names validate it', async () => {
    const lucia = await register(sandbox, project, namesFlow, { firstName: 'Lucia', lastName: 'perez lopez' });
    const uploaded = await upload(lucia, await idCardFront('ana', LUCIA), { documentType: 'CC' });
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
    const document = uploaded.body.data.documentValidation;
    // The name check is still to come: Verifik's "being assessed".
    assert.equal(document.status, 'ASSESSING');
    assert.equal(document.validationMethod, 'OCR');
    assert.deepEqual(
      {
        firstName: document.OCRExtraction.firstName,
        lastName: document.OCRExtraction.lastName,
        dateOfBirth: document.OCRExtraction.dateOfBirth,
      },
      { firstName: 'LUCÍA', lastName: 'PÉREZ LÓPEZ', dateOfBirth: '1979-07-15' },
    );
    assert.equal(document.documentNumber, '52345678');
    assert.equal(document.documentType, 'CC');
    assert.equal(document._text, undefined, 'the raw text stays in the sandbox');

    const checked = await validate(lucia, document._id);
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    assert.equal(checked.body.data.nameValidation.overallMatch, true);
    assert.equal(checked.body.data.documentValidation.status, 'VALIDATED');
    assert.equal(checked.body.data.documentValidation.namesMatch, true);
    assert.ok(checked.body.data.documentValidation.fullNameMatchPercentage >= 85);
  });

  test('different names fail the document, and the registration cannot complete without one', async () => {
    const pedro = await register(sandbox, project, namesFlow, { firstName: 'Pedro', lastName: 'Gómez' });
    await passContactChecks(sandbox, pedro);
    const uploaded = await upload(pedro, await idCardFront('ana', LUCIA));
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
    const checked = await validate(pedro, uploaded.body.data.documentValidation._id);
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    const { nameValidation, documentValidation } = checked.body.data;
    assert.equal(nameValidation.overallMatch, false);
    assert.equal(nameValidation.firstName.provided, 'Pedro');
    assert.equal(nameValidation.firstName.official, 'LUCÍA');
    assert.deepEqual([documentValidation.status, documentValidation.failReason], ['FAILED', 'names_mismatch']);

    const end = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${pedro.id}/sync`,
      { step: 'end', status: 'COMPLETED' },
      as(pedro),
    );
    assert.deepEqual([end.status, end.body.message], [409, '409:mandatory_step_not_completed@document']);
  });

  test('the name validation of a document that is not yours, or was not read, is refused', async () => {
    const ana = await register(sandbox, project, namesFlow);
    const bea = await register(sandbox, project, namesFlow);
    const uploaded = await upload(ana, await idCardFront('ana'));
    assert.equal((await validate(bea, uploaded.body.data.documentValidation._id)).status, 404);
    assert.equal((await validate(bea, 'not-an-id')).status, 404);
  });

  test('a passport: the MRZ is read, its check digits pass, its fields win over the printed text', async () => {
    const juan = await register(sandbox, project, namesFlow, {
      firstName: 'Juan Camilo',
      lastName: 'Restrepo Álvarez',
    });
    const uploaded = await upload(juan, await passportPage('cris', JUAN), { documentCategory: 'passport' });
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
    const document = uploaded.body.data.documentValidation;
    assert.deepEqual(document.mrz, { format: 'TD3', valid: true, invalid: [], source: 'ocr' });
    assert.equal(document.documentType, 'Passport');
    assert.equal(document.documentNumber, 'PE1234567');
    // The MRZ writes names without accents: the fields come from it, not from the printed line.
    assert.equal(document.OCRExtraction.lastName, 'RESTREPO ALVAREZ');
    assert.equal(document.OCRExtraction.expirationDate, '2031-05-30');
    assert.equal(document.OCRExtraction.sex, 'male');
    const checked = await validate(juan, document._id);
    assert.equal(checked.body.data.nameValidation.overallMatch, true, JSON.stringify(checked.body));
  });

  test('a passport whose MRZ has a wrong check digit is refused (mrz_check_failed), naming the field', async () => {
    const juan = await register(sandbox, project, namesFlow, { firstName: 'Juan Camilo', lastName: 'Restrepo' });
    const [line1, line2] = passportMrz(JUAN);
    const wrong = `${line2.slice(0, 19)}${(Number(line2[19]) + 1) % 10}${line2.slice(20)}`;
    const uploaded = await upload(juan, await passportPage('cris', JUAN, [line1, wrong]), {
      documentCategory: 'passport',
    });
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
    const document = uploaded.body.data.documentValidation;
    assert.deepEqual([document.status, document.failReason], ['FAILED', 'mrz_check_failed']);
    assert.ok(
      document.mrz.invalid.some((problem: { field: string }) => problem.field === 'birthDateCheckDigit'),
      JSON.stringify(document.mrz),
    );
  });

  test('criminal history: simulated, clear for most numbers, records for the development list', async () => {
    const check = (who: Registrant, information: string) =>
      sandbox.api('PUT', `/v2/information-validations/${information}/background-check`, {}, as(who));
    const checkHolder = async (holder: Holder) => {
      const response = await sandbox.api('POST', '/v2/app-registrations', signUp(project, criminalFlow), {
        token: null,
      });
      const who: Registrant = {
        ...(response.body.data.appRegistration as Registrant),
        id: response.body.data.appRegistration._id,
        token: response.body.data.token,
      };
      const information: string = response.body.data.informationValidation._id;
      assert.equal((await check(who, information)).body.message, '409:MISSING_PREREQUISITES@document_number_not_read');
      const uploaded = await upload(who, await idCardFront('ana', holder));
      assert.equal(uploaded.body.data.documentValidation.status, 'VALIDATED', JSON.stringify(uploaded.body));
      return check(who, information);
    };
    const clear = await checkHolder(LUCIA);
    assert.equal(clear.status, 200, JSON.stringify(clear.body));
    assert.deepEqual(
      [clear.body.data.backgroundCheck.simulated, clear.body.data.backgroundCheck.status],
      [true, 'CLEAR'],
    );
    const flagged = await checkHolder({ ...LUCIA, documentNumber: '99.999.999' });
    assert.ok(SIMULATED_RECORDS.includes('99999999'));
    assert.equal(flagged.body.data.backgroundCheck.status, 'RECORDS_FOUND', JSON.stringify(flagged.body));
    assert.match(flagged.body.data.backgroundCheck.message, /Simulated/);
  });

  test('criminal history on: the registration completes only once the document’s number came back clear', async () => {
    const documentOnly = await createFlow(sandbox, project, {
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'mandatory',
        liveness: 'skip',
        form: 'skip',
      },
      signUpForm: { firstName: true, lastName: true, email: true, emailGateway: 'none', phone: false },
      document: { maxAttempts: 3, verifyCriminalHistory: true },
    });
    const complete = (who: Registrant) =>
      sandbox.api('PUT', `/v2/app-registrations/${who.id}/sync`, { step: 'end', status: 'COMPLETED' }, as(who));
    const withDocument = async (holder: Holder) => {
      const response = await sandbox.api('POST', '/v2/app-registrations', signUp(project, documentOnly), {
        token: null,
      });
      const who: Registrant = {
        ...(response.body.data.appRegistration as Registrant),
        id: response.body.data.appRegistration._id,
        token: response.body.data.token,
      };
      const uploaded = await upload(who, await idCardFront('ana', holder));
      assert.equal(uploaded.body.data.documentValidation.status, 'VALIDATED', JSON.stringify(uploaded.body));
      const information: string = response.body.data.informationValidation._id;
      const check = () =>
        sandbox.api('PUT', `/v2/information-validations/${information}/background-check`, {}, as(who));
      return { who, check };
    };

    const clear = await withDocument(LUCIA);
    const early = await complete(clear.who);
    assert.equal(early.body.message, '409:mandatory_step_not_completed@document', 'not before the check');
    assert.equal((await clear.check()).body.data.backgroundCheck.status, 'CLEAR');
    const completed = await complete(clear.who);
    assert.equal(completed.status, 200, JSON.stringify(completed.body));

    const flagged = await withDocument({ ...LUCIA, documentNumber: '99.999.999' });
    assert.equal((await flagged.check()).body.data.backgroundCheck.status, 'RECORDS_FOUND');
    const refused = await complete(flagged.who);
    assert.equal(refused.body.message, '409:mandatory_step_not_completed@document', 'a client cannot skip past it');
  });

  test('a v3 flow with countries takes only their active documents', async () => {
    const created = await sandbox.api('POST', '/v2/project-flows', {
      project,
      type: 'onboarding',
      status: 'active',
      name: 'By country',
      target: 'personal',
      signUpForm: { fullName: false, email: true, emailGateway: 'none', phone: false, phoneGateway: 'none' },
      documents: {
        attemptLimit: 3,
        documentTypes: [
          { country: 'Colombia', configurations: [{ active: true, documentCategory: 'government_id' }] },
          {
            country: 'Peru',
            configurations: [
              { active: true, documentCategory: 'passport' },
              { active: false, documentCategory: 'government_id' },
            ],
          },
        ],
      },
      steps: { document: 'mandatory', liveness: 'skip' },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const who = await register(sandbox, project, created.body.data._id, { phone: undefined, countryCode: undefined });
    const card = await idCardFront('ana');
    const chile = await upload(who, card, { country: 'Chile', documentCategory: 'passport' });
    assert.deepEqual([chile.status, chile.body.message], [409, '409:document_country_not_allowed@Chile']);
    const inactive = await upload(who, card, { country: 'Peru', documentCategory: 'government_id' });
    assert.deepEqual(
      [inactive.status, inactive.body.message],
      [409, '409:document_category_not_allowed@government_id'],
    );
    const passport = await upload(who, card, { country: 'Peru', documentCategory: 'passport' });
    assert.equal(passport.status, 200, JSON.stringify(passport.body));
    assert.equal(passport.body.data.documentValidation.country, 'Peru');
  });

  test('the API keeps answering while a document is read (the OCR runs off the event loop)', async () => {
    const ana = await register(sandbox, project, namesFlow, { firstName: 'Lucía', lastName: 'Pérez López' });
    const card = await idCardFront('ana', LUCIA);
    let reading = true;
    const uploaded = upload(ana, card).finally(() => (reading = false));
    // Requests sent one after the other during the reading: each must be answered while it lasts.
    let answeredDuring = 0;
    while (reading && answeredDuring < 20) {
      const keys = await sandbox.api('GET', '/.well-known/jwks.json', undefined, { token: null });
      assert.equal(keys.status, 200);
      if (reading) answeredDuring++;
    }
    assert.equal((await uploaded).status, 200);
    assert.ok(answeredDuring >= 3, `only ${answeredDuring} requests were answered during the reading`);
  });
});

test('the document reader needs no network: it reads a card in a process without any', async () => {
  const child = spawn('unshare', ['-n', process.execPath, '--import', 'tsx', 'test/helpers/node/read-offline.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, err);
  const fields = JSON.parse(out);
  assert.equal(fields.lastName, 'DEMO GARCÍA');
  assert.equal(fields.documentNumber, '1020304050');
});
