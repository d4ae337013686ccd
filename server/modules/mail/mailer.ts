import nodemailer, { type Transporter } from "nodemailer";
import type { Logger } from "pino";
import type { Config } from "../../config/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: "smtp" | "log";
  send(mail: Mail): Promise<void>;
}

/** SMTP when SMTP_URL is set (any provider: Postmark, SES, Mailpit…). */
class SmtpMailer implements Mailer {
  readonly kind = "smtp" as const;
  private readonly transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }
  async send(mail: Mail) {
    await this.transport.sendMail({ from: this.from, ...mail });
  }
}

/**
 * Without SMTP the mail goes to the log, so a self-hosted instance still works: the operator
 * reads invitation and reset links there (or makes one with `chorus user reset-link`).
 * The last mails stay in memory for tests.
 */
export class LogMailer implements Mailer {
  readonly kind = "log" as const;
  readonly sent: Mail[] = [];
  constructor(private readonly logger: Logger) {}
  async send(mail: Mail) {
    this.sent.push(mail);
    if (this.sent.length > 100) this.sent.shift();
    this.logger.info(
      { mail: { to: mail.to, subject: mail.subject } },
      `mail (no SMTP_URL set):\n${mail.text}`,
    );
  }
}

export function createMailer(config: Config, logger: Logger): Mailer {
  return config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new LogMailer(logger);
}
