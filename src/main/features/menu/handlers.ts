// The renderer reports which menu commands it can carry out now.
import type { FeatureHandlers } from '../../bridge/handlers';
import type { FeatureDeps } from '../deps';

export function menuHandlers({ menu }: Pick<FeatureDeps, 'menu'>) {
  return {
    menuState: (state) => {
      menu.set(state);
      return null;
    },
  } satisfies FeatureHandlers<'menuState'>;
}
