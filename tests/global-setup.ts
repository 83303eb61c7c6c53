// Replaced by the database test harness (see tests/support). Kept minimal so unit tests run alone.
export default async function setup() {}
