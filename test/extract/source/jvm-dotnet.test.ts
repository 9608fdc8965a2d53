import { describe, expect, test } from 'vitest';
import { csharpExtractor, javaExtractor } from '../../../src/extract/source/index.js';
import { run, span } from './support.js';

const summary = (e: Awaited<ReturnType<typeof run>>) => e.bindings.map((b) => [b.port, span(b.location), b.via, b.source]);
/** The text each binding's location covers (line and column are 1-based). */
const covered = (e: Awaited<ReturnType<typeof run>>, text: string) => e.bindings.map((b) => text.split('\n')[b.location.line - 1]!.slice(b.location.column - 1, b.location.endColumn - 1));

describe('Java source defaults', () => {
  test('getOrDefault("PORT", "9555"), System.getProperty("server.port", …), Optional…orElse; not another service\'s port or a timeout', async () => {
    const text = `package hipstershop;
public final class AdService {
  private void start() throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "9555"));
    int metrics = Integer.parseInt(Optional.ofNullable(System.getenv("AD_PORT")).orElse("9465"));
    String admin = System.getProperty("server.port", "8081");
    int redis = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));
    int timeout = Integer.parseInt(System.getenv().getOrDefault("TIMEOUT", "3000"));
  }
}
`;
    const result = await run(javaExtractor, text, { path: 'src/ad/src/main/java/AdService.java', service: 'ad' });
    expect(result.problems).toEqual([]);
    expect(summary(result)).toEqual([
      [9555, '4:71-4:75', 'getOrDefault("PORT", …)', 'java'],
      [9465, '5:90-5:94', 'Optional.ofNullable(System.getenv("AD_P….orElse(…)', 'java'],
    ]);
    expect(covered(result, text)).toEqual(['9555', '9465']);
  });

  test('a default that is no port is reported; test sources are not read', async () => {
    const text = 'class A { int p = Integer.getInteger("port", 70000); }\n';
    const result = await run(javaExtractor, text, { path: 'svc/src/main/java/A.java', service: 'svc' });
    expect(result.problems.map((p) => [p.ruleId, span(p.location)])).toEqual([['input/invalid-port', '1:46-1:51']]);
    expect(javaExtractor.accepts('svc/src/test/java/ATest.java')).toBe(false);
  });
});

describe('C# source defaults', () => {
  test('GetEnvironmentVariable("PORT") ?? "8080", GetValue("PORT", 5000), Kestrel ListenAnyIP and app.Run URLs', async () => {
    const text = `var builder = WebApplication.CreateBuilder(args);
var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
var grpc = builder.Configuration.GetValue<int>("GRPC_PORT", 5001);
var http = builder.Configuration.GetValue<int>("HTTP_PORT", 5000);
var redis = Environment.GetEnvironmentVariable("REDIS_PORT") ?? "6379";
builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(7070));
var cors = new List<string>();
cors.Add("http://localhost:3000");
app.Urls.Add("http://0.0.0.0:5100");
app.Run("http://*:5200");
`;
    const result = await run(csharpExtractor, text, { path: 'src/cartservice/src/Program.cs', service: 'cartservice' });
    expect(result.problems).toEqual([]);
    expect(summary(result)).toEqual([
      [8080, '2:59-2:63', 'Environment.GetEnvironmentVariable("POR… ?? …', 'csharp'],
      [5000, '4:61-4:65', 'GetValue("HTTP_PORT", …)', 'csharp'],
      [7070, '6:53-6:57', 'ListenAnyIP(…)', 'csharp'],
      [5100, '9:30-9:34', 'Add("…")', 'csharp'],
      [5200, '10:19-10:23', 'Run("…")', 'csharp'],
    ]);
    expect(covered(result, text)).toEqual(['8080', '5000', '7070', '5100', '5200']);
  });

  test('generated files and tests are not read', () => {
    expect(csharpExtractor.accepts('src/Ordering.Infrastructure/Migrations/20230925222426_Initial.Designer.cs')).toBe(false);
    expect(csharpExtractor.accepts('tests/Basket.UnitTests/BasketTests.cs')).toBe(false);
    expect(csharpExtractor.accepts('src/Basket.API/Program.cs')).toBe(true);
  });
});
