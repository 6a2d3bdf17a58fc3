// The application menu's commands that the renderer carries out, with the
// same functions as its buttons. Main sends one as a `menuCommand` event; the
// renderer tells main which it can carry out right now (`menuState`), so an
// item is enabled only when its action is there, and the items of features
// that do not exist yet stay hidden until the renderer offers them.
import { z } from 'zod';

export const menuCommandSchema = z.enum(['syncNow', 'settings', 'download', 'print', 'savePdf', 'import', 'backUp']);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** Items hidden (not only disabled) until the renderer offers them: Import needs an account sign-in; Back up lives in Settings → Archive. */
export const FUTURE_MENU_COMMANDS: readonly MenuCommand[] = ['import', 'backUp'];

/** A phone number as the provider's account data gives it, shown in the Help menu: short, one line. */
export const supportPhoneSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}]+$/u);

/** The phone as the menu may show it, or null when it cannot be shown. */
export function menuSupportPhone(phone: string | null | undefined): string | null {
  return phone && supportPhoneSchema.safeParse(phone).success ? phone : null;
}

export const menuStateSchema = z
  .object({
    commands: z.array(menuCommandSchema).max(menuCommandSchema.options.length),
    supportPhone: supportPhoneSchema.nullable(),
  })
  .strict();
export type MenuState = z.infer<typeof menuStateSchema>;

export const EMPTY_MENU_STATE: MenuState = { commands: [], supportPhone: null };
