import { describe, expect, test } from 'vitest';
import { inertTemplates, kubernetesExtractor, nameFromPath } from '../../../src/extract/deploy/kubernetes.js';
import { covered, run, summary } from './helpers.js';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: emailservice
spec:
  selector:
    matchLabels:
      app: emailservice
  template:
    metadata:
      labels:
        app: emailservice
    spec:
      containers:
      - name: server
        ports:
        - name: grpc
          containerPort: 8080
        - containerPort: 9464
        env:
        - name: PORT
          value: "8080"
        - name: REDIS_PORT
          value: "6379"
        - name: CHECKOUT_ADDR
          value: "checkoutservice:5050"
        readinessProbe:
          grpc:
            port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: email
spec:
  selector:
    app: emailservice
  ports:
  - name: grpc
    port: 5000
    targetPort: grpc
  - name: metrics
    port: 9464
`;

describe('Kubernetes manifests', () => {
  test('container ports, env PORT and Service targetPorts of a multi-document file, on host k8s inside the container', async () => {
    const path = 'deploy/k8s/emailservice.yaml';
    const result = await run(kubernetesExtractor, path, MANIFEST);
    expect(result.problems).toEqual([]);
    expect(summary(result)).toEqual([
      'emailservice:8080@k8s/container ports (container)',
      'emailservice:9464@k8s/container ports (container)',
      'emailservice:8080@k8s/container env PORT',
      // The Service's selector picks the Deployment: its ports belong to `emailservice`, not `email`;
      // the named targetPort resolves to the container port named grpc; `port: 5000` is the cluster address.
      'emailservice:8080@k8s/container ports',
      'emailservice:9464@k8s/container ports',
    ]);
    expect(result.bindings.map((b) => covered(MANIFEST, b.location))).toEqual(['8080', '9464', '8080', 'grpc', '9464']);
    expect(result.bindings.map((b) => b.location.line)).toEqual([18, 19, 22, 41, 43]);
    expect(result.references).toEqual([]);
  });

  test('a file placed on a configured host binds there; a Pod and a CronJob are workloads too', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: debug-pod
spec:
  containers:
  - name: c
    ports:
    - containerPort: 7000
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          labels:
            app: nightly
        spec:
          containers:
          - name: job
            env:
            - name: NIGHTLY_PORT
              value: "7100"
`;
    expect(summary(await run(kubernetesExtractor, 'ops/pods.yaml', text, { host: 'mac-mini' }))).toEqual([
      'debug-pod:7000@mac-mini/container ports (container)',
      'nightly:7100@mac-mini/container env NIGHTLY_PORT',
    ]);
  });

  test('a containerPort that is no port is an input problem at its digits; a broken document does not stop the next', async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
      - name: api
        ports:
        - containerPort: 70000
---
kind: Service
apiVersion: v1
metadata: {name: [broken
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  ports:
  - port: 3000
`;
    const result = await run(kubernetesExtractor, 'k8s/api.yaml', text);
    expect(summary(result)).toEqual(['api:3000@k8s/container ports']);
    const invalid = result.problems.filter((p) => p.ruleId === 'input/invalid-port');
    expect(invalid.map((p) => [covered(text, p.location), p.location.line])).toEqual([['70000', 11]]);
    expect(result.problems.filter((p) => p.ruleId !== 'input/invalid-port').map((p) => [p.ruleId, p.location.line])).toEqual([['input/invalid-yaml', 16]]);
  });

  test('files that are not manifests are not read', async () => {
    expect(kubernetesExtractor.accepts('docker-compose.yml')).toBe(false);
    expect(kubernetesExtractor.accepts('k8s/app.yaml')).toBe(true);
    expect(kubernetesExtractor.prefilter!('services:\n  web:\n    ports: ["3000:3000"]\n')).toBe(false);
    expect(kubernetesExtractor.prefilter!('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n')).toBe(false);
  });
});

describe('Helm templates', () => {
  const TEMPLATE = `{{- if .Values.adService.create }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Values.adService.name }}
  labels:
    app: {{ .Values.adService.name }}
spec:
  template:
    spec:
      {{- if .Values.securityContext.enable }}
      securityContext:
        runAsUser: 1000
      {{- end }}
      containers:
      - name: server
        image: {{ .Values.images.repository }}/{{ .Values.adService.name }}:{{ .Values.images.tag | default .Chart.AppVersion }}
        ports:
        - containerPort: 9555
        - containerPort: {{ .Values.adService.metricsPort }}
        env:
        - name: PORT
          value: "{{ .Values.adService.port }}"
        resources:
          {{- toYaml .Values.adService.resources | nindent 10 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .Values.adService.name }}
spec:
  ports:
  - port: 9555
    targetPort: 9555
{{- end }}
`;

  test('actions are made inert without moving a character; templated ports are neither ports nor problems', async () => {
    const inert = inertTemplates(TEMPLATE);
    expect(inert).toHaveLength(TEMPLATE.length);
    expect(inert.split('\n').map((l) => l.length)).toEqual(TEMPLATE.split('\n').map((l) => l.length));
    expect(inert).not.toContain('{{');
    const path = 'helm-chart/templates/adservice.yaml';
    const result = await run(kubernetesExtractor, path, TEMPLATE);
    expect(result.problems).toEqual([]);
    // The templated name falls back to the template's file name.
    expect(summary(result)).toEqual(['adservice:9555@k8s/container ports (container)', 'adservice:9555@k8s/container ports']);
    expect(result.bindings.map((b) => [covered(TEMPLATE, b.location), b.location.line])).toEqual([
      ['9555', 19],
      ['9555', 34],
    ]);
  });

  test('a second component named by another template action in the same file is not attributed to the file\'s service', async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Values.cartService.name }}
spec:
  template:
    spec:
      containers:
      - name: server
        ports:
        - containerPort: 7070
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Values.cartDatabase.redis.name }}
spec:
  template:
    metadata:
      labels:
        app: {{ .Values.cartDatabase.redis.name }}
    spec:
      containers:
      - name: redis
        ports:
        - containerPort: 6379
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .Values.cartDatabase.redis.name }}
spec:
  ports:
  - port: 6379
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .Values.cartService.name }}
spec:
  ports:
  - port: 7070
`;
    expect(summary(await run(kubernetesExtractor, 'helm-chart/templates/cartservice.yaml', text))).toEqual([
      'cartservice:7070@k8s/container ports (container)',
      'cartservice:7070@k8s/container ports',
    ]);
  });

  test('a generic template name (deployment.yaml) stands for its chart', () => {
    expect(nameFromPath('charts/billing/templates/deployment.yaml')).toBe('billing');
    expect(nameFromPath('helm-chart/templates/cartservice.yaml')).toBe('cartservice');
    expect(nameFromPath('deploy/service.yml')).toBe('deploy');
  });
});
