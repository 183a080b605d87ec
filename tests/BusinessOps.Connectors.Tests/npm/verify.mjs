// Reads {secret, payload, headers} as JSON on stdin and verifies with the Standard Webhooks reference library.
// Prints "ok" or "invalid: <reason>"; the exit code says the same (0 / 1).
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { secret, payload, headers } = JSON.parse(input);
try {
  new Webhook(secret).verify(payload, headers);
  console.log("ok");
} catch (e) {
  console.log("invalid: " + e.message);
  process.exit(1);
}
