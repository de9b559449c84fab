export default async function globalTeardown(): Promise<void> {
  await globalThis.__RZ_TEST_POSTGRES__?.stop();
}
