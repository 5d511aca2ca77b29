// The account the owner pages work on when the operator is signed in (a user's is its own).

const ACCOUNT_KEY = 'gamingapi.account';

export const pickedAccount = () => sessionStorage.getItem(ACCOUNT_KEY);

/** Picks `name` (null: none); the navigation follows at the next route. */
export function pickAccount(name) {
  if (name) {
    sessionStorage.setItem(ACCOUNT_KEY, name);
  } else {
    sessionStorage.removeItem(ACCOUNT_KEY);
  }
}
