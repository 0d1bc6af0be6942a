import type { SimulatorLifetime } from '../core/SimulatorLifetime.js';
import type { SimulatorLogger } from '../core/SimulatorLogger.js';
import type { SimulatorConfig } from '../SimulatorOptions.js';
import type { SimulatorState } from '../state/SimulatorState.js';
import type { ActiveNumberRecord, ScheduledSmsProvisioning, ScheduledVoiceProvisioning } from './ActiveNumberRecord.js';
import { isPendingStatus } from './numbersEnums.js';
import { resolveSmsOutcome } from './resolveSmsOutcome.js';

export type ProvisioningKind = 'SMS' | 'VOICE';

export interface ProvisioningStep {
  phoneNumber: string;
  kind: ProvisioningKind;
  /** The job's state after the step: still running, or how it ended. */
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  errorCodes: string[];
}

export type VoiceTarget = Pick<ScheduledVoiceProvisioning, 'type' | 'appId' | 'trunkId' | 'serviceId'>;

/**
 * A job that just ended, with what callbacks need to tell provisioning from deprovisioning:
 * the job's values and, for SMS, the values in effect before it (already overwritten on success).
 */
export type FinishedProvisioningJob =
  | { kind: 'SMS'; record: ActiveNumberRecord; job: ScheduledSmsProvisioning; previous: { servicePlanId: string; campaignId: string }; step: ProvisioningStep }
  | { kind: 'VOICE'; record: ActiveNumberRecord; job: ScheduledVoiceProvisioning; step: ProvisioningStep };

/** An SMS job that just moved from WAITING to IN_PROGRESS, with the values in effect before it. */
export interface ProgressedSmsJob {
  record: ActiveNumberRecord;
  job: ScheduledSmsProvisioning;
  previous: { servicePlanId: string; campaignId: string };
}

/**
 * Runs the asynchronous provisioning lifecycle of seed 000: WAITING → IN_PROGRESS → done
 * (values move to the top level, the scheduled object becomes null) or FAILED. Every job
 * has at most one timer; in manual mode there are none and only `advance` moves jobs.
 */
export class ProvisioningEngine {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /**
   * Jobs started through the API (or advanced by the admin endpoint), which move with the timers.
   * Seeded pending jobs are not in it: they stay WAITING / IN_PROGRESS, so whoever opens the
   * simulator, however long after it started, finds every provisioning state.
   */
  readonly #live = new Set<string>();
  readonly #state: SimulatorState;
  readonly #config: SimulatorConfig;
  readonly #lifetime: SimulatorLifetime;
  readonly #logger: SimulatorLogger;
  readonly #finishedListeners: ((finished: FinishedProvisioningJob) => void)[] = [];
  readonly #progressedListeners: ((progressed: ProgressedSmsJob) => void)[] = [];

  constructor(state: SimulatorState, config: SimulatorConfig, lifetime: SimulatorLifetime, logger: SimulatorLogger) {
    this.#state = state;
    this.#config = config;
    this.#lifetime = lifetime;
    this.#logger = logger;
  }

  startSms(record: ActiveNumberRecord, servicePlanId: string, campaignId: string): void {
    const lastUpdatedTime = new Date().toISOString();
    record.smsConfiguration.scheduled = { servicePlanId, campaignId, status: 'WAITING', lastUpdatedTime, errorCodes: [] };
    this.#schedule(record.phoneNumber, 'SMS', 'WAITING');
  }

  startVoice(record: ActiveNumberRecord, target: VoiceTarget): void {
    const lastUpdatedTime = new Date().toISOString();
    record.voiceConfiguration.scheduled = { ...target, status: 'WAITING', lastUpdatedTime };
    this.#schedule(record.phoneNumber, 'VOICE', 'WAITING');
  }

  /** Called for every job that ends (SUCCEEDED or FAILED); the Numbers callbacks hang off this. */
  onJobFinished(listener: (finished: FinishedProvisioningJob) => void): void {
    this.#finishedListeners.push(listener);
  }

  /** Called when an SMS job moves from WAITING to IN_PROGRESS. */
  onSmsJobProgressed(listener: (progressed: ProgressedSmsJob) => void): void {
    this.#progressedListeners.push(listener);
  }

  /** Moves every pending job (or those of one number) one step forward, right now. */
  advance(phoneNumber?: string): ProvisioningStep[] {
    const records =
      phoneNumber === undefined
        ? [...this.#state.numbers.activeNumbers.values()]
        : [this.#state.numbers.activeNumbers.get(phoneNumber)].filter((record) => record !== undefined);
    const steps: ProvisioningStep[] = [];
    for (const record of records) {
      for (const kind of ['SMS', 'VOICE'] as const) {
        const step = this.#step(record, kind);
        if (step !== undefined) steps.push(step);
      }
    }
    return steps;
  }

  /** Drops every timer and starts fresh ones for the live pending jobs; after a timing change. */
  reschedule(): void {
    for (const timer of this.#timers.values()) this.#lifetime.cancel(timer);
    this.#timers.clear();
    for (const record of this.#state.numbers.activeNumbers.values()) {
      const sms = record.smsConfiguration.scheduled;
      if (sms !== null && isPendingStatus(sms.status) && this.#live.has(`${record.phoneNumber} SMS`)) this.#schedule(record.phoneNumber, 'SMS', sms.status);
      const voice = record.voiceConfiguration.scheduled;
      if (voice !== null && isPendingStatus(voice.status) && this.#live.has(`${record.phoneNumber} VOICE`)) this.#schedule(record.phoneNumber, 'VOICE', voice.status);
    }
  }

  /** After the state was reseeded: no job is live any more. */
  reset(): void {
    this.#live.clear();
    this.reschedule();
  }

  #schedule(phoneNumber: string, kind: ProvisioningKind, status: string): void {
    const key = `${phoneNumber} ${kind}`;
    this.#live.add(key);
    const existing = this.#timers.get(key);
    if (existing !== undefined) this.#lifetime.cancel(existing);
    this.#timers.delete(key);
    const timing = this.#config.provisioning;
    if (timing === 'manual' || this.#lifetime.closed) return;
    const delay = status === 'WAITING' ? timing.waitingMs : timing.inProgressMs;
    const timer = this.#lifetime.schedule(() => {
      this.#timers.delete(key);
      const record = this.#state.numbers.activeNumbers.get(phoneNumber);
      if (record !== undefined) this.#step(record, kind);
    }, delay);
    this.#timers.set(key, timer);
  }

  #step(record: ActiveNumberRecord, kind: ProvisioningKind): ProvisioningStep | undefined {
    const job = kind === 'SMS' ? record.smsConfiguration.scheduled : record.voiceConfiguration.scheduled;
    if (job === null || !isPendingStatus(job.status)) return undefined;
    const now = new Date().toISOString();
    if (job.status === 'WAITING') {
      job.status = 'IN_PROGRESS';
      job.lastUpdatedTime = now;
      this.#schedule(record.phoneNumber, kind, 'IN_PROGRESS');
      if (kind === 'SMS') this.#notifyProgressed(record);
      return { phoneNumber: record.phoneNumber, kind, status: 'IN_PROGRESS', errorCodes: [] };
    }
    const step = kind === 'SMS' ? this.#finishSms(record, now) : this.#finishVoice(record, now);
    this.#logger.debug({ ...step }, 'provisioning job finished');
    return step;
  }

  #finishSms(record: ActiveNumberRecord, now: string): ProvisioningStep {
    const sms = record.smsConfiguration;
    const job = sms.scheduled;
    if (job === null) throw new Error('finishing an SMS job that does not exist');
    const errorCodes = resolveSmsOutcome(this.#state.numbers, record.phoneNumber, job);
    const previous = { servicePlanId: sms.servicePlanId, campaignId: sms.campaignId };
    if (errorCodes.length > 0) {
      sms.scheduled = { ...job, status: 'FAILED', lastUpdatedTime: now, errorCodes };
      const step: ProvisioningStep = { phoneNumber: record.phoneNumber, kind: 'SMS', status: 'FAILED', errorCodes };
      this.#notifyFinished({ kind: 'SMS', record, job: sms.scheduled, previous, step });
      return step;
    }
    sms.servicePlanId = job.servicePlanId;
    sms.campaignId = job.campaignId;
    sms.scheduled = null;
    const step: ProvisioningStep = { phoneNumber: record.phoneNumber, kind: 'SMS', status: 'SUCCEEDED', errorCodes: [] };
    this.#notifyFinished({ kind: 'SMS', record, job: { ...job, status: 'SUCCEEDED', lastUpdatedTime: now }, previous, step });
    return step;
  }

  #finishVoice(record: ActiveNumberRecord, now: string): ProvisioningStep {
    const voice = record.voiceConfiguration;
    const job = voice.scheduled;
    if (job === null) throw new Error('finishing a voice job that does not exist');
    voice.type = job.type;
    voice.appId = job.appId;
    voice.trunkId = job.trunkId;
    voice.serviceId = job.serviceId;
    voice.lastUpdatedTime = now;
    voice.scheduled = null;
    const step: ProvisioningStep = { phoneNumber: record.phoneNumber, kind: 'VOICE', status: 'SUCCEEDED', errorCodes: [] };
    this.#notifyFinished({ kind: 'VOICE', record, job: { ...job, status: 'SUCCEEDED', lastUpdatedTime: now }, step });
    return step;
  }

  #notifyProgressed(record: ActiveNumberRecord): void {
    const job = record.smsConfiguration.scheduled;
    if (job === null) return;
    const previous = { servicePlanId: record.smsConfiguration.servicePlanId, campaignId: record.smsConfiguration.campaignId };
    for (const listener of this.#progressedListeners) {
      try {
        listener({ record, job: { ...job }, previous });
      } catch (error) {
        this.#logger.error({ err: error, phoneNumber: record.phoneNumber }, 'provisioning listener failed');
      }
    }
  }

  /** A listener's failure must never break the lifecycle it observes. */
  #notifyFinished(finished: FinishedProvisioningJob): void {
    for (const listener of this.#finishedListeners) {
      try {
        listener(finished);
      } catch (error) {
        this.#logger.error({ err: error, phoneNumber: finished.record.phoneNumber }, 'provisioning listener failed');
      }
    }
  }
}
