// The languages of the pickers (sign-in page, Settings), each in its own words.
import { LANGUAGE_LOCALES, LANGUAGES } from '../../../shared/i18n';

export function LanguageOptions() {
  return (
    <>
      {LANGUAGES.map((language) => (
        <option key={language} value={language}>
          {LANGUAGE_LOCALES[language].name}
        </option>
      ))}
    </>
  );
}
