// The contract's field rules (contract.md, "Field rules"), mirrored for instant feedback.
// The server checks them again; its message wins when the two ever disagree.

const USERNAME = /^[A-Za-z0-9._-]{3,50}$/;
const PHONE_CHARS = /^[0-9 +\-().]{6,20}$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const utf8Bytes = (text) => new TextEncoder().encode(text).length;
const codePoints = (text) => Array.from(text).length;

export function checkUsername(value) {
  return USERNAME.test(value) ? null : "3 à 50 caractères : lettres, chiffres, « . », « _ » ou « - »";
}

export function checkPassword(value) {
  const bytes = utf8Bytes(value);
  return bytes >= 8 && bytes <= 1024 ? null : 'au moins 8 caractères (1024 octets au plus)';
}

export function checkEmail(value) {
  const problem = 'adresse de la forme nom@domaine.tld, sans espace';
  if (codePoints(value) > 254 || /\s/.test(value) || CONTROL.test(value)) return problem;
  const at = value.indexOf('@');
  if (at <= 0 || value.indexOf('@', at + 1) !== -1) return problem;
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  if (dot <= 0 || dot === domain.length - 1 || domain.includes('..')) return problem;
  return null;
}

export function checkName(value) {
  const length = codePoints(value);
  return length >= 1 && length <= 50 && !CONTROL.test(value) ? null : '1 à 50 caractères';
}

export function checkPhone(value) {
  if (value === '' || value === null || value === undefined) return null; // optional
  const digits = (value.match(/[0-9]/g) || []).length;
  return PHONE_CHARS.test(value) && digits >= 6
    ? null
    : '6 à 20 caractères (chiffres, espaces, + - ( ) .), dont au moins 6 chiffres';
}

export const RULES = {
  username: checkUsername,
  password: checkPassword,
  email: checkEmail,
  first_name: checkName,
  last_name: checkName,
  phone_number: checkPhone,
};

// Errors of the given fields, as {field: message}; empty when all pass.
export function validate(fields) {
  const errors = {};
  for (const [field, value] of Object.entries(fields)) {
    const rule = RULES[field];
    const problem = rule ? rule(value ?? '') : null;
    if (problem) errors[field] = problem;
  }
  return errors;
}
