/**
 * Stable error codes of `verifik-error`. Integrators may switch on them; they never change
 * meaning. Codes answered by the Verifik API that the widget does not map itself arrive as
 * `api_error`, with the API's own code in the message.
 */
export type VerifikErrorCode =
  /** The `project` attribute is missing. */
  | 'missing_project'
  /** The `project` attribute is not a Verifik project id (24 hex digits). */
  | 'invalid_project'
  /** `api-url` is not an http(s) URL. */
  | 'invalid_api_url'
  /** `token-endpoint` is not an http(s) URL. */
  | 'invalid_token_endpoint'
  /** `reference` is longer than 128 characters or holds control characters. */
  | 'invalid_reference'
  /** `assets-url` is not an http(s) URL. */
  | 'invalid_assets_url'
  /** No project with this id exists. */
  | 'project_not_found'
  /** The `flow` attribute names no active onboarding flow of the project. */
  | 'flow_not_found'
  /** The project has no active onboarding flow. */
  | 'no_active_flow'
  /** The network failed before the API answered. Recoverable. */
  | 'network_error'
  /** The API failed (5xx, 429, 408). Recoverable. */
  | 'server_error'
  /** The API answered something the widget cannot read. */
  | 'invalid_response'
  /** The flow's configuration cannot be run (the message names the field). */
  | 'invalid_flow'
  /** The sign-up's email is not valid for Verifik. */
  | 'invalid_email'
  /** The sign-up's phone number is not valid. */
  | 'invalid_phone'
  /** This email or phone has already completed this flow. */
  | 'already_registered'
  /** The flow's security list does not admit this person. */
  | 'registration_refused'
  /** The one-time code is wrong (tries may be left). */
  | 'otp_does_not_match'
  /** Too many wrong codes: a new code is needed. */
  | 'otp_attempts_exceeded'
  /** The one-time code expired: a new code is needed. */
  | 'otp_expired'
  /** A new code was asked for too soon. */
  | 'otp_resend_too_soon'
  /** The registration expired or its token could not be refreshed. */
  | 'session_expired'
  /** The person or the browser refused the camera (in an iframe: `allow="camera"` is missing). Recoverable. */
  | 'camera_denied'
  /** The device has no camera. */
  | 'camera_not_found'
  /** Another application holds the camera. Recoverable. */
  | 'camera_in_use'
  /** The page is not served over https, so the browser offers no camera. */
  | 'camera_insecure'
  /** The browser has no camera API. */
  | 'camera_unsupported'
  /** The camera failed to start for another reason. Recoverable. */
  | 'camera_failed'
  /** The chosen file is not a photo (a PDF, another document type). Recoverable: choose a photo. */
  | 'document_file_unsupported'
  /** The browser cannot open this HEIC photo. Recoverable: use the camera or a JPEG. */
  | 'document_heic_unsupported'
  /** The chosen photo cannot be opened (damaged, or too large). Recoverable. */
  | 'document_file_unreadable'
  /** No face was found on the document's photo (tries may be left). Recoverable. */
  | 'document_face_not_found'
  /** The document was not validated for another reason (tries may be left). Recoverable. */
  | 'document_rejected'
  /** The API refused an image as unreadable, badly encoded or too large. Recoverable: take it again. */
  | 'image_rejected'
  /** The face guide could not load (models, wasm): the selfie is taken by hand. Recoverable. */
  | 'face_guidance_unavailable'
  /**
   * A face asset of the selfie step does not answer (checked on the step before it; the message
   * ends with the URL tried): the app's build or `assets-url` misplaces them. The selfie would be
   * taken by hand.
   */
  | 'face_assets_unreachable'
  /** The selfie did not pass the liveness check (tries may be left). Recoverable. */
  | 'liveness_failed'
  /** More than one face in the selfie. Recoverable. */
  | 'multiple_faces'
  /** No face found in the selfie. Recoverable. */
  | 'no_face_detected'
  /** This face is already enrolled in the project under another registration. */
  | 'duplicated_person'
  /** Every attempt at the step was used. */
  | 'attempts_exhausted'
  /** The selfie and the document's portrait are not the same person. */
  | 'face_match_failed'
  /** Any other API error. */
  | 'api_error'
  /**
   * Login: no enrolled person answers to these details. Worded so it never says whether the email
   * or phone is registered.
   */
  | 'login_unknown_person'
  /** Login: the selfie matched no enrolled face closely enough (tries may be left). Recoverable. */
  | 'login_face_not_recognised'
  /** Login: the flow's security list blocks this person. */
  | 'login_blacklisted'
  /** Login: the flow admits only listed people, and this person is not listed. */
  | 'login_not_whitelisted'
  /** On the phone: the handoff link expired (or a newer code replaced it). */
  | 'handoff_link_expired'
  /** On the phone: the handoff link was already used; each link works once. */
  | 'handoff_link_used'
  /** On the phone: the handoff link is not one the verification issued. */
  | 'handoff_link_invalid'
  /**
   * The names read on the document differ from the sign-up names (flows with `verifyNames`; tries
   * may be left). Recoverable: take the photos again.
   */
  | 'document_names_mismatch'
  /**
   * The criminal-history check on the document's number found records (flows with
   * `verifyCriminalHistory` / v3 `criminalHistoryVerification`): the document step fails for
   * good. The person is told only that the check needs a review.
   */
  | 'criminal_record_found';
