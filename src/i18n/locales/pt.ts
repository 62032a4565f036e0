import type { Translation } from '../translation.js';

/** Portuguese (Brazil). */
export const pt: Translation = {
  $lang: 'pt',
  loading: 'Carregando a verificação…',
  setupErrorTitle: 'Não é possível iniciar a verificação',
  retry: 'Tentar novamente',
  readyTitle: 'Verifique sua identidade',
  readyFlow: (flowName) => `Você vai começar: ${flowName}.`,
  errors: {
    missing_project:
      'Esta página não está configurada corretamente: a verificação não tem projeto (falta o atributo project).',
    invalid_project:
      'Esta página não está configurada corretamente: o id do projeto não é um id de projeto Verifik válido.',
    invalid_api_url: 'Esta página não está configurada corretamente: api-url deve ser um endereço http(s).',
    invalid_token_endpoint:
      'Esta página não está configurada corretamente: token-endpoint deve ser um endereço http(s).',
    project_not_found: 'Este projeto de verificação não existe. Entre em contato com o site de onde você veio.',
    flow_not_found:
      'Este fluxo de verificação não existe ou não está ativo. Entre em contato com o site de onde você veio.',
    no_active_flow:
      'Este projeto ainda não tem um fluxo de verificação ativo. Entre em contato com o site de onde você veio.',
    network_error: 'Não conseguimos acessar o serviço de verificação. Verifique sua conexão e tente novamente.',
    server_error: 'O serviço de verificação está com problemas. Tente novamente em instantes.',
    invalid_response: 'O serviço de verificação enviou uma resposta que não conseguimos ler. Tente mais tarde.',
    api_error: 'O serviço de verificação recusou a solicitação. Tente mais tarde.',
  },
};
