import libSource from './lib.lua';
import movementsSource from './movements.lua';
import ordersSource from './orders.lua';
import waybillsSource from './waybills.lua';

/**
 * The helpers every script shares, in load order: each part uses locals the parts before it define, so the
 * order matters. They are separate files only to keep each one readable; Redis sees one chunk.
 */
export const LIBRARY_LUA = [libSource, ordersSource, movementsSource, waybillsSource].join('\n');
