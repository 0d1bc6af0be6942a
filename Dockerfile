# syntax=docker/dockerfile:1
# Build stage: full dependencies, generated code, compiled JavaScript.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY codegen.yml tsconfig.json tsconfig.build.json ./
COPY schema ./schema
COPY scripts ./scripts
COPY src ./src
COPY explorer ./explorer
RUN npm run build

# Runtime stage: production dependencies only, non-root, no build tools. No install scripts run
# (no production dependency needs one), and the files stay owned by root: the process cannot
# rewrite its own code. node is PID 1 and handles SIGTERM itself (src/main.ts drains, then exits).
FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production
# The young generation's size, stated: V8's 64-bit default of 16 MiB semi-spaces. 32 paid off
# while each request left much more garbage; since the third round of bench/profile.md, 16 costs
# less CPU per operation and ~30 MiB less RSS. docs/benchmarks.md measures it; override
# NODE_OPTIONS to change it.
ENV NODE_OPTIONS="--max-semi-space-size=16"
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
