import type { Migration } from './migration';

// The attention panel's long participant connections: the legs over two hours
// (the shortest threshold the app offers) of a month's conferences, found by
// probing this small partial index once per conference instead of reading
// every leg of the month (a month of 200,000 legs: 75-110 ms on the main
// thread at each summary, 12 ms with it). About 4 % of legs are in it.
const up = /* sql */ `
CREATE INDEX participants_long_legs ON participants (conference_row, seconds) WHERE seconds > 7200;
`;

const migration: Migration = { version: 9, name: 'long_legs_index', up };
export default migration;
