/**
 * The first page after sign-in: plan and quota, pauses per day by outcome ({@code DailyChart}), and next steps.
 */
package dev.pausepoint.dashboard.overview;
