import type { ComponentType, SVGProps } from "react";
import {
  IconAdvocate,
  IconCare,
  IconCollaborate,
  IconGovern,
  IconInnovate,
  IconLead,
  IconListen,
} from "../ui/icons";
import type { ModuleId } from "./access";

export interface ModuleInfo {
  id: ModuleId;
  label: string;
  path: string;
  icon: ComponentType<SVGProps<SVGSVGElement> & { size?: number }>;
  /** One line, shown in the sidebar under the label. */
  purpose: string;
  /** The empty state text: what the module will do, and honestly that it isn't built yet. */
  description: string;
  status: string;
}

export const MODULES: Record<ModuleId, ModuleInfo> = {
  listen: {
    id: "listen",
    label: "Listen",
    path: "/listen",
    icon: IconListen,
    purpose: "Social listening and trends",
    description:
      "Monitor what is said about your products, services and competitors: Boolean topic queries, sentiment, share of voice, trends and spike alerts.",
    status: "Listening arrives in the next release.",
  },
  care: {
    id: "care",
    label: "Care",
    path: "/care",
    icon: IconCare,
    purpose: "Customer service inbox",
    description:
      "Answer customers in one shared inbox across social channels, reviews and communities, with assignment, response-time targets, saved replies and hand-offs between teams.",
    status: "Care is not built yet.",
  },
  innovate: {
    id: "innovate",
    label: "Innovate",
    path: "/innovate",
    icon: IconInnovate,
    purpose: "Idea challenges and voting",
    description:
      "Run idea challenges with employees, customers and outside specialists: collect ideas, discuss and vote, then move the best ones through review stages.",
    status: "Innovate is not built yet.",
  },
  advocate: {
    id: "advocate",
    label: "Advocate",
    path: "/advocate",
    icon: IconAdvocate,
    purpose: "Employee advocacy",
    description:
      "Give employees a feed of approved content to share on their own networks, and see the reach and engagement it earns.",
    status: "Advocate is not built yet.",
  },
  govern: {
    id: "govern",
    label: "Govern",
    path: "/govern",
    icon: IconGovern,
    purpose: "Approvals and compliance",
    description:
      "Approval workflows for outgoing content, brand and compliance policies, and a record of who published what and when.",
    status:
      "Govern is not built yet. Every change in Chorus is already recorded in the audit log under Settings.",
  },
  collaborate: {
    id: "collaborate",
    label: "Collaborate",
    path: "/collaborate",
    icon: IconCollaborate,
    purpose: "Spaces with partners",
    description:
      "Private spaces where your team works with customers, suppliers, partners and specialists: discussions, files and decisions. Outside members only see the spaces they are invited to.",
    status: "Spaces are not built yet.",
  },
  lead: {
    id: "lead",
    label: "Lead",
    path: "/lead",
    icon: IconLead,
    purpose: "Dashboards and reports",
    description:
      "Dashboards and scheduled reports that bring listening, care, innovation and advocacy numbers together for the people who decide.",
    status: "Lead is not built yet.",
  },
};
