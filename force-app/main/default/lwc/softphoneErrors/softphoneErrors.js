// Turns whatever Apex, Lightning Data Service or JavaScript throws into messages for the agent (as lwc-recipes' ldsUtils).

/** The readable messages inside an error or a list of errors; never a stack trace. */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  return list
    .filter((error) => !!error)
    .map((error) => {
      if (typeof error === 'string') return error;
      const body = error.body;
      if (Array.isArray(body)) return body.map((entry) => entry.message);
      if (body && Array.isArray(body.pageErrors) && body.pageErrors.length > 0) {
        return body.pageErrors.map((entry) => entry.message);
      }
      if (body && body.fieldErrors && Object.keys(body.fieldErrors).length > 0) {
        return Object.values(body.fieldErrors)
          .flat()
          .map((entry) => entry.message);
      }
      if (body && body.output && Array.isArray(body.output.errors) && body.output.errors.length > 0) {
        return body.output.errors.map((entry) => entry.message);
      }
      if (body && typeof body.message === 'string') return body.message;
      if (typeof error.message === 'string') return error.message;
      return error.statusText;
    })
    .flat()
    .filter((message) => typeof message === 'string' && message.trim() !== '');
}

/** One sentence for the agent, or the fallback when the error carries nothing readable. */
export function errorMessage(error, fallback) {
  const messages = reduceErrors(error);
  return messages.length > 0 ? messages.join(' ') : fallback;
}
