import type {DemoUserRecord} from './demo-user-record.js';
import {idMinter} from './salesforce-id.js';
import {field, relationship, table, type SObjectTable} from './sobject-table.js';
import {idHash} from './user-details.js';

/**
 * Opportunities, tasks and events owned by the org's sellers, so that an integration can ask who has sales
 * activity (`SELECT OwnerId, COUNT(Id) FROM Opportunity WHERE LastModifiedDate = LAST_N_DAYS:30 GROUP BY
 * OwnerId`). They are made when first read, from their position alone: an org nobody asks about them
 * costs nothing, and a million-user org holds at most the caps below. Their dates are relative to when the
 * org started, so relative date literals find recent activity; everything else is the same for the same users.
 */

const dayMs = 24 * 60 * 60 * 1000;
const caps = {opportunities: 20_000, tasks: 30_000, events: 10_000};

const stages: ReadonlyArray<readonly [string, number]> = [
	['Prospecting', 10],
	['Qualification', 10],
	['Needs Analysis', 20],
	['Value Proposition', 50],
	['Id. Decision Makers', 60],
	['Perception Analysis', 70],
	['Proposal/Price Quote', 75],
	['Negotiation/Review', 90],
	['Closed Won', 100],
	['Closed Lost', 0],
];
const taskStatuses = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
const taskSubjects = ['Call', 'Send Letter', 'Send Quote', 'Email', 'Follow up on proposal', 'Demo prep'];
const eventSubjects = ['Meeting', 'Demo', 'Discovery call', 'Quarterly business review', 'Lunch'];
const companies = ['Northwind', 'Contoso', 'Globex', 'Initech', 'Umbrella', 'Stark Industries', 'Wayne Enterprises', 'Acme', 'Hooli', 'Vandelay'];

type Activity = {index: number; owner: DemoUserRecord};

function chance(index: number, salt: number): number {
	return idHash(String(index), salt) / 4_294_967_296;
}

function pick<T>(items: readonly T[], index: number, salt: number): T {
	return items[idHash(String(index), salt) % items.length]!;
}

/** Sellers own most records, and a few of them own many: owners are drawn with a skew towards the first. */
function sellersOf(users: readonly DemoUserRecord[]): DemoUserRecord[] {
	const standard = users.filter((user) => user.userType === 'Standard' && user.firstName !== null);
	const sellers = standard.filter((user) => user.department === 'Sales' || user.department === 'Customer Success' || user.department === 'Executive');
	return sellersOrEveryone(sellers, standard);
}

function sellersOrEveryone(sellers: DemoUserRecord[], everyone: DemoUserRecord[]): DemoUserRecord[] {
	return sellers.length > 0 ? sellers : everyone;
}

function owned(sellers: readonly DemoUserRecord[], count: number, salt: number): Activity[] {
	const records: Activity[] = [];
	for (let index = 0; index < count; index++) {
		const roll = chance(index, salt);
		records.push({index, owner: sellers[Math.floor(roll * roll * sellers.length)]!});
	}

	return records;
}

/** Whole seconds, as Salesforce keeps SystemModstamp. */
function stamp(time: number): string {
	return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('Z', '+0000');
}

function day(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

export function buildSalesActivity(users: SObjectTable, pod: string, startedAt: number): SObjectTable[] {
	let sellers: DemoUserRecord[] | undefined;
	const sellerList = () => {
		sellers ??= sellersOf(users.records as readonly DemoUserRecord[]);
		return sellers;
	};

	// Created up to two years back; most were last changed in the last 60 days, a fifth of them in the last week.
	const created = (index: number, salt: number) => startedAt - Math.floor((60 + chance(index, salt) * 670) * dayMs);
	const modified = (index: number, salt: number) => {
		const recent = chance(index, salt + 1) < 0.2 ? 7 : 60;
		return Math.max(created(index, salt), startedAt - Math.floor(chance(index, salt + 2) * recent * dayMs));
	};

	const mintOpportunity = idMinter('006', pod, 410_000);
	const ownerOf = (activity: Activity) => activity.owner;
	const opportunityCount = () => Math.min(caps.opportunities, sellerList().length * 3);
	const stageOf = (activity: Activity) => pick(stages, activity.index, 31);
	const opportunityTable = table<Activity>({
		name: 'Opportunity',
		keyPrefix: '006',
		labelPlural: 'Opportunities',
		records: () => owned(sellerList(), opportunityCount(), 30),
		idOf: (activity) => mintOpportunity(activity.index),
		fields: [
			field('Id', 'id', (activity) => mintOpportunity(activity.index), {label: 'Opportunity ID'}),
			field('Name', 'string', (activity) => `${pick(companies, activity.index, 32)} - ${10 + (idHash(String(activity.index), 33) % 490)} seats`, {nillable: false, length: 120}),
			field('StageName', 'string', (activity) => stageOf(activity)[0], {label: 'Stage', describeType: 'picklist', nillable: false, picklistValues: stages.map(([name]) => name)}),
			field('Probability', 'number', (activity) => stageOf(activity)[1], {label: 'Probability (%)', describeType: 'percent'}),
			field('Amount', 'number', (activity) => 1000 * (5 + (idHash(String(activity.index), 34) % 200)), {describeType: 'currency'}),
			field('CloseDate', 'date', (activity) => day(modified(activity.index, 35) + Math.floor((chance(activity.index, 36) - 0.3) * 90 * dayMs)), {label: 'Close Date', nillable: false}),
			field('IsClosed', 'boolean', (activity) => stageOf(activity)[0].startsWith('Closed'), {label: 'Closed'}),
			field('IsWon', 'boolean', (activity) => stageOf(activity)[0] === 'Closed Won', {label: 'Won'}),
			field('OwnerId', 'reference', (activity) => activity.owner.id, {label: 'Owner ID', nillable: false}),
			field('CreatedDate', 'datetime', (activity) => stamp(created(activity.index, 35)), {nillable: false}),
			field('LastModifiedDate', 'datetime', (activity) => stamp(modified(activity.index, 35)), {nillable: false}),
			field('SystemModstamp', 'datetime', (activity) => stamp(modified(activity.index, 35)), {nillable: false}),
		],
		relationships: [relationship<Activity>('Owner', 'OwnerId', users, ownerOf)],
		deleted: () => deletedRecords(mintOpportunity, opportunityCount(), startedAt, 37),
	});

	const opportunityOf = (activity: Activity, salt: number) => {
		const count = opportunityCount();
		return count === 0 ? null : mintOpportunity(idHash(String(activity.index), salt) % count);
	};

	const mintTask = idMinter('00T', pod, 820_000);
	const taskTable = table<Activity>({
		name: 'Task',
		keyPrefix: '00T',
		records: () => owned(sellerList(), Math.min(caps.tasks, sellerList().length * 4), 40),
		idOf: (activity) => mintTask(activity.index),
		fields: [
			field('Id', 'id', (activity) => mintTask(activity.index), {label: 'Activity ID'}),
			field('Subject', 'string', (activity) => pick(taskSubjects, activity.index, 41), {describeType: 'picklist', length: 255}),
			field('Status', 'string', (activity) => pick(taskStatuses, activity.index, 42), {describeType: 'picklist', nillable: false, picklistValues: taskStatuses}),
			field('Priority', 'string', (activity) => pick(['High', 'Normal', 'Normal', 'Low'], activity.index, 43), {describeType: 'picklist', nillable: false, picklistValues: ['High', 'Normal', 'Low']}),
			field('ActivityDate', 'date', (activity) => day(modified(activity.index, 44) + Math.floor(chance(activity.index, 45) * 14 * dayMs)), {label: 'Due Date Only'}),
			field('IsClosed', 'boolean', (activity) => pick(taskStatuses, activity.index, 42) === 'Completed', {label: 'Closed'}),
			field('TaskSubtype', 'string', (activity) => (pick(taskSubjects, activity.index, 41) === 'Email' ? 'Email' : pick(taskSubjects, activity.index, 41) === 'Call' ? 'Call' : 'Task'), {
				label: 'Task Subtype',
				describeType: 'picklist',
				picklistValues: ['Task', 'Email', 'Call'],
			}),
			field('WhatId', 'reference', (activity) => opportunityOf(activity, 46), {label: 'Related To ID'}),
			field('OwnerId', 'reference', (activity) => activity.owner.id, {label: 'Assigned To ID', nillable: false}),
			field('CreatedDate', 'datetime', (activity) => stamp(created(activity.index, 44)), {nillable: false}),
			field('LastModifiedDate', 'datetime', (activity) => stamp(modified(activity.index, 44)), {nillable: false}),
			field('SystemModstamp', 'datetime', (activity) => stamp(modified(activity.index, 44)), {nillable: false}),
		],
		relationships: [relationship<Activity>('Owner', 'OwnerId', users, ownerOf)],
		deleted: () => deletedRecords(mintTask, Math.min(caps.tasks, sellerList().length * 4), startedAt, 47),
	});

	const mintEvent = idMinter('00U', pod, 530_000);
	const eventStart = (activity: Activity) => Math.floor((modified(activity.index, 50) + chance(activity.index, 51) * 10 * dayMs) / (30 * 60 * 1000)) * 30 * 60 * 1000;
	const duration = (activity: Activity) => pick([30, 30, 60, 60, 90], activity.index, 52);
	const eventTable = table<Activity>({
		name: 'Event',
		keyPrefix: '00U',
		records: () => owned(sellerList(), Math.min(caps.events, sellerList().length * 2), 53),
		idOf: (activity) => mintEvent(activity.index),
		fields: [
			field('Id', 'id', (activity) => mintEvent(activity.index), {label: 'Activity ID'}),
			field('Subject', 'string', (activity) => pick(eventSubjects, activity.index, 54), {describeType: 'picklist', length: 255}),
			field('StartDateTime', 'datetime', (activity) => stamp(eventStart(activity)), {label: 'Start Date Time'}),
			field('EndDateTime', 'datetime', (activity) => stamp(eventStart(activity) + duration(activity) * 60_000), {label: 'End Date Time'}),
			field('ActivityDateTime', 'datetime', (activity) => stamp(eventStart(activity)), {label: 'Due Date Time'}),
			field('ActivityDate', 'date', (activity) => day(eventStart(activity)), {label: 'Due Date Only'}),
			field('DurationInMinutes', 'number', duration, {label: 'Duration', describeType: 'int'}),
			field('WhatId', 'reference', (activity) => opportunityOf(activity, 55), {label: 'Related To ID'}),
			field('OwnerId', 'reference', (activity) => activity.owner.id, {label: 'Assigned To ID', nillable: false}),
			field('CreatedDate', 'datetime', (activity) => stamp(created(activity.index, 50)), {nillable: false}),
			field('LastModifiedDate', 'datetime', (activity) => stamp(modified(activity.index, 50)), {nillable: false}),
			field('SystemModstamp', 'datetime', (activity) => stamp(modified(activity.index, 50)), {nillable: false}),
		],
		relationships: [relationship<Activity>('Owner', 'OwnerId', users, ownerOf)],
		deleted: () => deletedRecords(mintEvent, Math.min(caps.events, sellerList().length * 2), startedAt, 56),
	});

	return [opportunityTable, taskTable, eventTable];
}

/** About one record in a hundred was deleted in the last two weeks; their ids follow the live ones. */
function deletedRecords(mint: (index: number) => string, live: number, startedAt: number, salt: number) {
	const count = Math.ceil(live / 100);
	return Array.from({length: count}, (_, offset) => ({
		id: mint(live + offset),
		deletedDate: stamp(startedAt - Math.floor(chance(offset, salt) * 14 * dayMs)),
	}));
}
