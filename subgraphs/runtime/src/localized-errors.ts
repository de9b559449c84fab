import type { ApolloServerPlugin } from '@apollo/server';
import { ERROR_CODES, isErrorCode, localizedErrorMessage } from '@rz/schema';
import type { SubgraphContext } from './context';

/**
 * Domain error messages in the request's language (kk or ru; see localizedErrorMessage):
 * `extensions.lang` names the language of the message and `extensions.messageEn` keeps the
 * service's English one. Requests without a language keep English.
 */
export const localizedErrorsPlugin: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const lang = contextValue.lang;
        if (!lang || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const result = response.body.singleResult;
        result.errors = result.errors!.map((error) => {
          const details = error.extensions ?? {};
          const code = details.code;
          if (!isErrorCode(code) || ERROR_CODES[code].origin !== 'domain') return error;
          const message = localizedErrorMessage(code, details, lang);
          return message ? { ...error, message, extensions: { ...details, lang, messageEn: error.message } } : error;
        });
      },
    };
  },
};
