// Turns what Apex and the platform throw into messages for the admin (one place, as in lwc-recipes' ldsUtils).

/** The readable messages inside an error or a list of errors (AuraHandledException, fetch, JS errors). */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  return list
    .filter((error) => !!error)
    .map((error) => {
      if (Array.isArray(error.body)) return error.body.map((entry) => entry.message);
      if (error.body && typeof error.body.message === 'string') return error.body.message;
      if (typeof error.message === 'string') return error.message;
      return error.statusText;
    })
    .flat()
    .filter((message) => !!message);
}
