import { OTP_LENGTH } from '../../flow/otp-rules.js';
import { intlFormat } from '../intl-format.js';
import type { Translation } from '../translation.js';

const { number, seconds: duration, plural } = intlFormat('de');

/** German, formal ("Sie"). */
export const de: Translation = {
  $lang: 'de',
  $dir: 'ltr',
  loading: 'Die Verifizierung wird geladen…',
  setupErrorTitle: 'Die Verifizierung kann nicht starten',
  retry: 'Erneut versuchen',
  dialogLabel: 'Identitätsprüfung',
  close: 'Schließen',
  finishErrorTitle: 'Wir konnten Ihre Verifizierung nicht abschließen',
  steps: {
    signUp: 'Ihre Angaben',
    emailCode: 'E-Mail-Code',
    phoneCode: 'Telefoncode',
    basicInformation: 'Grunddaten',
    document: 'Ausweisdokument',
    liveness: 'Selfie',
    faceMatch: 'Gesichtsabgleich',
    form: 'Formular und Unterschrift',
    done: 'Fertig',
    identify: 'Anmelden',
    loginCode: 'Anmeldecode',
    loginFace: 'Gesichtsprüfung',
  },
  progress: (index, total, name) => `Schritt ${number(index)} von ${number(total)}: ${name}`,
  progressDone: (count) => plural(count, { one: '# Schritt erledigt', other: '# Schritte erledigt' }),
  actions: {
    cancel: 'Abbrechen',
    back: 'Zurück',
    skip: 'Schritt überspringen',
    continue: 'Weiter',
    sending: 'Wird gesendet…',
  },
  cancelConfirm: {
    title: 'Verifizierung abbrechen?',
    text: 'Ihre Eingaben und die bereits bestandenen Prüfungen gehen verloren, und Sie beginnen wieder von vorn.',
    confirm: 'Ja, abbrechen',
    keep: 'Nein, weiter',
  },
  signUp: {
    title: 'Erzählen Sie uns von sich',
    intro: 'Mit diesen Angaben prüfen wir Ihre Identität.',
    firstName: 'Vorname',
    lastName: 'Nachname',
    fullName: 'Vollständiger Name',
    email: 'E-Mail-Adresse',
    phone: 'Telefonnummer',
    country: 'Land',
    terms: 'Ich akzeptiere die Allgemeinen Geschäftsbedingungen',
    privacy: 'Ich habe die Datenschutzerklärung gelesen',
    readTerms: 'Allgemeine Geschäftsbedingungen lesen',
    readPrivacy: 'Datenschutzerklärung lesen',
    required: 'Dieses Feld ist erforderlich.',
    invalidEmail: 'Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
    invalidPhone: 'Geben Sie eine gültige Telefonnummer für das gewählte Land ein.',
    mustAccept: 'Bitte stimmen Sie zu, um fortzufahren.',
  },
  basicInformation: {
    title: 'Noch ein paar Angaben',
    intro: 'Antworten Sie so, wie es in Ihrem Ausweis steht.',
    fullName: 'Vollständiger Name',
    dateOfBirth: 'Geburtsdatum',
    age: 'Alter',
    gender: 'Geschlecht',
    genders: { female: 'Weiblich', male: 'Männlich', other: 'Divers', undisclosed: 'Keine Angabe' },
    address: 'Adresse',
    postalCode: 'Postleitzahl',
    legalDocument: 'Ausweisnummer',
    invalidDate: 'Geben Sie ein Datum in der Vergangenheit ein.',
    invalidAge: 'Geben Sie ein Alter zwischen 0 und 120 ein.',
  },
  document: {
    redoFront: 'Vorderseite neu aufnehmen',
    title: 'Ihr Ausweisdokument',
    intro: 'Wir prüfen, ob Ihr Dokument echt ist, und vergleichen sein Foto mit Ihrem Selfie.',
    chooseType: 'Welches Dokument möchten Sie verwenden?',
    categories: { government_id: 'Personalausweis', passport: 'Reisepass', license: 'Führerschein' },
    sideTitle: { front: 'Vorderseite Ihres Dokuments', back: 'Rückseite Ihres Dokuments' },
    photoOf: {
      front: 'Ihr Foto der Vorderseite des Dokuments',
      back: 'Ihr Foto der Rückseite des Dokuments',
    },
    tipFlat: 'Legen Sie es auf eine ebene, einfarbige Fläche, die dunkler als das Dokument ist.',
    tipLight: 'Sorgen Sie für gleichmäßiges Licht und vermeiden Sie Spiegelungen auf dem Kunststoff.',
    tipWhole: 'Alle vier Ecken müssen im Rahmen liegen.',
    primer:
      'Wenn Sie die Kamera verwenden, fragt Ihr Browser nach Ihrer Erlaubnis. Es wird nichts aufgezeichnet: Es wird ein einziges Foto aufgenommen.',
    useCamera: 'Kamera verwenden',
    upload: 'Foto hochladen',
    drop: 'oder ein Foto hierher ziehen (JPEG, PNG oder HEIC)',
    starting: 'Die Kamera wird gestartet…',
    video: 'Kameravorschau: Legen Sie Ihr Dokument in den Rahmen',
    hints: {
      ok: 'Gut – bitte stillhalten…',
      dark: 'Zu dunkel – sorgen Sie für mehr Licht',
      glare: 'Zu viele Spiegelungen – kippen Sie das Dokument vom Licht weg',
      'too-small': 'Näher heran – das Dokument soll den Rahmen füllen',
      blurry: 'Zu unscharf – bitte stillhalten',
    },
    capture: 'Foto aufnehmen',
    switchCamera: 'Kamera wechseln',
    uploadInstead: 'Stattdessen ein Foto hochladen',
    reviewTitle: 'Prüfen Sie Ihr Foto',
    qualityWarning: 'Dieses Foto wird möglicherweise nicht akzeptiert:',
    usePhoto: 'Dieses Foto verwenden',
    retake: 'Neu aufnehmen',
    sending: 'Ihr Dokument wird geprüft…',
    retry: 'Erneut versuchen',
    attemptsLeft: (count) => plural(count, { one: 'Sie haben noch # Versuch.', other: 'Sie haben noch # Versuche.' }),
    chooseCountry: 'Welches Land hat Ihr Dokument ausgestellt?',
  },
  code: {
    emailTitle: 'Prüfen Sie Ihre E-Mails',
    phoneTitle: 'Prüfen Sie Ihr Telefon',
    sentTo: (destination) => `Wir haben einen ${OTP_LENGTH}-stelligen Code an ${destination} gesendet.`,
    label: 'Bestätigungscode',
    digit: 'Ziffer {n} von {total}',
    verify: 'Bestätigen',
    resend: 'Neuen Code senden',
    resendIn: (seconds) => `Sie können in ${duration(seconds)} einen neuen Code anfordern.`,
    wrong: (triesLeft) =>
      `Dieser Code ist nicht richtig. ${plural(triesLeft, { one: 'Noch # Versuch', other: 'Noch # Versuche' })}.`,
    channel: 'Wie sollen wir Ihnen den Code senden?',
    sms: 'SMS',
    whatsapp: 'WhatsApp',
    send: 'Code senden',
  },
  form: {
    title: 'Unterschreiben',
    intro:
      'Unterschreiben Sie im Feld mit dem Finger oder der Maus, oder geben Sie stattdessen Ihren vollständigen Namen ein.',
    pad: 'Unterschriftenfeld: Zeichnen Sie Ihre Unterschrift mit dem Finger oder der Maus',
    clear: 'Löschen',
    typeInstead: 'Stattdessen Namen eingeben',
    drawInstead: 'Stattdessen Unterschrift zeichnen',
    typedName: 'Ihr vollständiger Name als Unterschrift',
    required: 'Unterschreiben Sie im Feld oder geben Sie Ihren vollständigen Namen ein.',
  },
  liveness: {
    manualOffer: 'Dauert es länger? Sie können das Foto selbst aufnehmen – es wird trotzdem geprüft.',
    manualTips:
      'Tipps: Halten Sie die Kamera auf Augenhöhe, wenden Sie sich einem Fenster oder einer Lampe zu und halten Sie Ihr ganzes Gesicht im Oval.',
    title: 'Machen Sie ein Selfie',
    intro: 'Wir prüfen, ob Sie persönlich anwesend sind, und vergleichen Ihr Gesicht mit Ihrem Dokument.',
    tipLight: 'Sorgen Sie für gutes, gleichmäßiges Licht auf Ihrem Gesicht.',
    tipFace: 'Nehmen Sie Brille, Mütze und Maske ab.',
    tipAlone: 'Achten Sie darauf, dass niemand sonst im Bild ist.',
    primer:
      'Ihr Browser fragt, ob die Kamera verwendet werden darf. Es wird nichts aufgezeichnet: Ein einziges Foto wird gesendet, sobald Ihr Gesicht richtig positioniert ist.',
    start: 'Kamera starten',
    starting: 'Die Kamera wird gestartet…',
    loadingGuide: 'Die Gesichtsführung wird vorbereitet…',
    video: 'Kameravorschau',
    hints: {
      'move-left': 'Bewegen Sie sich etwas zu Ihrer Linken',
      'move-right': 'Bewegen Sie sich etwas zu Ihrer Rechten',
      'move-up': 'Heben Sie Ihr Gesicht etwas an',
      'move-down': 'Senken Sie Ihr Gesicht etwas',
      'face-left': 'Drehen Sie den Kopf etwas nach links, zur Kamera hin',
      'face-right': 'Drehen Sie den Kopf etwas nach rechts, zur Kamera hin',
      'no-face': 'Bringen Sie Ihr Gesicht in das Oval',
      multiple: 'Bitte nur eine Person',
      'too-dark': 'Sorgen Sie für mehr Licht',
      'too-far': 'Kommen Sie näher',
      'too-close': 'Gehen Sie etwas zurück',
      blurry: 'Bitte stillhalten',
      ok: 'Sehr gut – bitte stillhalten',
      'turn-left': 'Drehen Sie den Kopf langsam nach links',
      'turn-right': 'Drehen Sie den Kopf langsam nach rechts',
      'look-straight': 'Schauen Sie jetzt direkt in die Kamera',
    },
    capture: 'Foto aufnehmen',
    switchCamera: 'Kamera wechseln',
    checking: 'Ihr Selfie wird geprüft…',
    retry: 'Erneut versuchen',
    attemptsLeft: (count) => plural(count, { one: 'Noch # Versuch.', other: 'Noch # Versuche.' }),
  },
  faceMatch: {
    title: 'Gesichtsabgleich',
    checking: 'Ihr Selfie wird mit Ihrem Dokument verglichen…',
    retry: 'Erneut versuchen',
  },
  done: {
    textWithoutKyc:
      'Ihre Angaben sind bestätigt. Die Identitätsprüfungen wurden übersprungen, daher kann das Unternehmen sie später noch anfordern. Sie können diese Seite schließen.',
    referenceLabel: 'Referenz für den Support:',
    title: 'Alles erledigt',
    text: 'Ihre Verifizierung ist abgeschlossen. Sie können diese Seite jetzt schließen.',
    failedTitle: 'Wir konnten Ihre Identität nicht bestätigen',
    failedText:
      'Die Verifizierung war nicht erfolgreich. Wenden Sie sich an das Unternehmen, das sie angefordert hat, um einen anderen Weg zu finden.',
  },
  errors: {
    missing_project:
      'Diese Seite ist nicht richtig eingerichtet: Der Verifizierung fehlt ein Projekt (das Attribut project fehlt).',
    invalid_project: 'Diese Seite ist nicht richtig eingerichtet: Die Projekt-ID ist keine gültige Verifik-Projekt-ID.',
    invalid_api_url: 'Diese Seite ist nicht richtig eingerichtet: api-url muss eine http(s)-Adresse sein.',
    invalid_token_endpoint:
      'Diese Seite ist nicht richtig eingerichtet: token-endpoint muss eine http(s)-Adresse sein.',
    invalid_reference:
      'Diese Seite ist nicht richtig eingerichtet: reference muss 1 bis 128 Zeichen ohne Steuerzeichen lang sein.',
    invalid_assets_url: 'Diese Seite ist nicht richtig eingerichtet: assets-url muss eine http(s)-Adresse sein.',
    project_not_found:
      'Dieses Verifizierungsprojekt existiert nicht. Bitte wenden Sie sich an die Website, von der Sie kommen.',
    flow_not_found:
      'Dieser Verifizierungsablauf existiert nicht oder ist nicht aktiv. Bitte wenden Sie sich an die Website, von der Sie kommen.',
    no_active_flow:
      'Dieses Projekt hat noch keinen aktiven Verifizierungsablauf. Bitte wenden Sie sich an die Website, von der Sie kommen.',
    network_error:
      'Der Verifizierungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    server_error: 'Beim Verifizierungsdienst ist ein Problem aufgetreten. Bitte versuchen Sie es gleich noch einmal.',
    invalid_response:
      'Der Verifizierungsdienst hat eine unlesbare Antwort gesendet. Bitte versuchen Sie es später erneut.',
    invalid_flow:
      'Diese Verifizierung ist nicht richtig eingerichtet. Bitte wenden Sie sich an die Website, von der Sie kommen.',
    invalid_email: 'Diese E-Mail-Adresse wurde nicht akzeptiert. Prüfen Sie sie und versuchen Sie es erneut.',
    invalid_phone: 'Diese Telefonnummer wurde nicht akzeptiert. Prüfen Sie sie und versuchen Sie es erneut.',
    already_registered: 'Mit dieser E-Mail-Adresse oder Telefonnummer wurde diese Verifizierung bereits abgeschlossen.',
    registration_refused:
      'Mit diesen Angaben können wir keine Verifizierung starten. Bitte wenden Sie sich an die Website, von der Sie kommen.',
    otp_does_not_match: 'Dieser Code ist nicht richtig. Prüfen Sie ihn und versuchen Sie es erneut.',
    otp_attempts_exceeded: 'Zu viele falsche Codes. Fordern Sie einen neuen Code an.',
    otp_expired: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen an.',
    otp_resend_too_soon: 'Bitte warten Sie einen Moment, bevor Sie einen neuen Code anfordern.',
    session_expired: 'Ihre Sitzung ist abgelaufen. Bitte beginnen Sie von vorn.',
    camera_denied:
      'Wir können Ihre Kamera nicht verwenden. Erlauben Sie den Kamerazugriff in den Browsereinstellungen (das Kamerasymbol neben der Adressleiste) und versuchen Sie es erneut.',
    camera_not_found: 'Auf diesem Gerät wurde keine Kamera gefunden.',
    camera_in_use:
      'Ihre Kamera wird von einer anderen App oder einem anderen Tab verwendet. Schließen Sie diese und versuchen Sie es erneut.',
    camera_insecure:
      'Die Kamera funktioniert nur auf einer sicheren (https-)Seite. Bitte wenden Sie sich an die Website, von der Sie kommen.',
    camera_unsupported:
      'Dieser Browser kann keine Kamera verwenden. Nutzen Sie eine aktuelle Version von Chrome, Safari, Firefox oder Edge.',
    camera_failed: 'Ihre Kamera ist nicht gestartet. Versuchen Sie es erneut oder starten Sie Ihren Browser neu.',
    document_file_unsupported:
      'PDF-Dateien und andere Dokumente werden nicht akzeptiert. Wählen Sie ein Foto Ihres Ausweises (JPEG, PNG oder HEIC).',
    document_heic_unsupported:
      'Dieser Browser kann keine HEIC-Fotos öffnen. Verwenden Sie die Kamera oder exportieren Sie das Foto als JPEG und laden Sie es erneut hoch.',
    document_file_unreadable: 'Dieses Foto lässt sich nicht öffnen. Wählen Sie ein anderes (JPEG oder PNG, bis 20 MB).',
    document_face_not_found:
      'Wir finden das Passbild auf Ihrem Dokument nicht. Fotografieren Sie die ganze Vorderseite, scharf und ohne Spiegelungen.',
    document_rejected:
      'Ihr Dokument konnte nicht validiert werden. Nehmen Sie die Fotos erneut auf, scharf und ohne Spiegelungen.',
    image_rejected: 'Das Foto wurde nicht akzeptiert, weil es nicht lesbar ist. Bitte nehmen Sie es erneut auf.',
    face_assets_unreachable: 'Die Dateien der Gesichtsführung konnten nicht geladen werden von:',
    face_guidance_unavailable:
      'Die automatische Gesichtsführung ist aus. Zentrieren Sie Ihr Gesicht im Oval und nehmen Sie das Foto selbst auf.',
    liveness_failed:
      'Wir konnten nicht bestätigen, dass es sich um ein Live-Foto handelt. Wenden Sie sich dem Licht zu und versuchen Sie es erneut.',
    multiple_faces:
      'Auf dem Foto war mehr als ein Gesicht. Achten Sie darauf, dass Sie allein sind, und versuchen Sie es erneut.',
    no_face_detected:
      'Wir finden Ihr Gesicht nicht auf dem Foto. Zentrieren Sie es im Oval und versuchen Sie es erneut.',
    duplicated_person:
      'Dieses Gesicht ist bereits mit einem anderen Konto registriert. Bitte wenden Sie sich an die Website, von der Sie kommen.',
    attempts_exhausted: 'Sie haben alle Versuche für diesen Schritt aufgebraucht.',
    face_match_failed: 'Ihr Selfie stimmt nicht mit dem Foto auf Ihrem Dokument überein.',
    api_error: 'Der Verifizierungsdienst hat die Anfrage abgelehnt. Bitte versuchen Sie es später erneut.',
    login_unknown_person:
      'Mit diesen Angaben konnten wir Sie nicht anmelden. Prüfen Sie sie oder registrieren Sie sich zuerst.',
    login_face_not_recognised:
      'Wir haben Ihr Gesicht nicht erkannt. Schauen Sie bei gutem Licht in die Kamera und versuchen Sie es erneut.',
    login_blacklisted:
      'Dieses Konto kann sich hier nicht anmelden. Wenden Sie sich an die Website, von der Sie kommen.',
    login_not_whitelisted:
      'Dieses Konto darf sich hier nicht anmelden. Wenden Sie sich an die Website, von der Sie kommen.',
    handoff_link_expired:
      'Dieser Link ist abgelaufen. Zeigen Sie auf Ihrem Computer einen neuen Code an und scannen Sie ihn erneut.',
    handoff_link_used:
      'Dieser Link wurde bereits verwendet. Zeigen Sie auf Ihrem Computer einen neuen Code an und scannen Sie ihn erneut.',
    handoff_link_invalid: 'Dieser Link ist ungültig. Scannen Sie den Code auf Ihrem Computer erneut.',
    document_names_mismatch:
      'Die Namen auf Ihrem Dokument stimmen nicht mit denen Ihrer Anmeldung überein. Machen Sie die Fotos erneut oder prüfen Sie die eingegebenen Namen.',
    criminal_record_found:
      'Wir können Ihre Verifizierung nicht abschließen: Die Hintergrundprüfung zu Ihrem Dokument muss überprüft werden. Bitte wenden Sie sich an die Website, von der Sie kommen.',
  },
  login: {
    title: 'Anmelden',
    introEmail: 'Geben Sie die E-Mail-Adresse ein, mit der Sie sich registriert haben. Wir senden Ihnen einen Code.',
    introPhone: 'Geben Sie die Telefonnummer ein, mit der Sie sich registriert haben. Wir senden Ihnen einen Code.',
    channel: 'Anmelden mit',
    switchToLogin: 'Bereits registriert? Anmelden',
    switchToEnroll: 'Neu hier? Registrieren',
    doneTitle: 'Sie sind angemeldet',
    doneText: 'Wir haben bestätigt, dass Sie es sind. Sie können fortfahren.',
    failedTitle: 'Wir konnten Sie nicht anmelden',
  },
  handoff: {
    offer: 'Auf dem Smartphone fortfahren',
    title: 'Auf dem Smartphone fortfahren',
    intro:
      'Scannen Sie diesen Code mit der Kamera Ihres Smartphones oder öffnen Sie den Link dort. Er funktioniert einmal, 10 Minuten lang.',
    noCamera: 'Auf diesem Gerät wurde keine Kamera gefunden; Sie können die Fotos mit Ihrem Smartphone aufnehmen.',
    qrLabel: 'QR-Code des Links für Ihr Smartphone',
    linkLabel: 'Link für Ihr Smartphone',
    copy: 'Link kopieren',
    copied: 'Link kopiert',
    waiting: 'Warten auf Ihr Smartphone…',
    opened: 'Ihr Smartphone ist verbunden. Folgen Sie den Schritten dort.',
    documentReceived: 'Ausweis erhalten',
    selfieReceived: 'Selfie erhalten',
    cancelledOnPhone: 'Die Verifizierung wurde auf Ihrem Smartphone abgebrochen.',
    newCode: 'Neuen Code anzeigen',
    useThisDevice: 'Dieses Gerät verwenden',
    phoneDoneTitle: 'Kehren Sie zu Ihrem Computer zurück',
    phoneDoneText: 'Ihre Fotos wurden gesendet. Sie können diese Seite schließen und am Computer abschließen.',
    phoneCancelledTitle: 'Das Fortfahren auf diesem Smartphone wurde abgebrochen',
    phoneCancelledHere: 'Sie haben hier abgebrochen. Sie können diese Seite schließen und am Computer fortfahren.',
    phoneCancelledThere: 'Es wurde an Ihrem Computer abgebrochen. Sie können diese Seite schließen.',
    linkErrorTitle: 'Dieser Link kann nicht verwendet werden',
  },
};
