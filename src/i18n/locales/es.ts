import type { Translation } from '../translation.js';

/** Spanish (Latin America). */
export const es: Translation = {
  $lang: 'es',
  loading: 'Cargando la verificación…',
  setupErrorTitle: 'No se puede iniciar la verificación',
  retry: 'Intentar de nuevo',
  readyTitle: 'Verifica tu identidad',
  readyFlow: (flowName) => `Vas a comenzar: ${flowName}.`,
  errors: {
    missing_project:
      'Esta página no está bien configurada: la verificación no tiene proyecto (falta el atributo project).',
    invalid_project:
      'Esta página no está bien configurada: el id de proyecto no es un id de proyecto de Verifik válido.',
    invalid_api_url: 'Esta página no está bien configurada: api-url debe ser una dirección http(s).',
    invalid_token_endpoint: 'Esta página no está bien configurada: token-endpoint debe ser una dirección http(s).',
    project_not_found: 'Este proyecto de verificación no existe. Comunícate con el sitio del que vienes.',
    flow_not_found: 'Este flujo de verificación no existe o no está activo. Comunícate con el sitio del que vienes.',
    no_active_flow:
      'Este proyecto aún no tiene un flujo de verificación activo. Comunícate con el sitio del que vienes.',
    network_error: 'No pudimos conectar con el servicio de verificación. Revisa tu conexión e inténtalo de nuevo.',
    server_error: 'El servicio de verificación tiene problemas. Inténtalo de nuevo en un momento.',
    invalid_response: 'El servicio de verificación envió una respuesta que no pudimos leer. Inténtalo más tarde.',
    api_error: 'El servicio de verificación rechazó la solicitud. Inténtalo más tarde.',
  },
};
