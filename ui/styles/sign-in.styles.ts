// The sign-in form that the desk and the manager screen share: a narrow centred column, labelled
// fields, and the message saying why the person is here or why the last try failed.
import { css } from 'lit';

export const signInStyles = css`
  form {
    max-inline-size: 28rem;
    margin: 3rem auto;
    display: grid;
    gap: 1rem;
  }
  h2 {
    font-size: 1.6rem;
  }
  label {
    display: grid;
    gap: 0.35rem;
    font-weight: 600;
  }
  .message {
    margin: 0;
    padding: 0.75rem 1rem;
    border-radius: 10px;
    background: var(--nb-warn-bg);
    color: var(--nb-warn-text);
  }
  .message.error {
    background: var(--nb-danger-bg);
    color: var(--nb-danger);
    font-weight: 600;
  }
  button {
    min-block-size: 56px;
  }
`;
