/**
 * Long-polling on a pause: parked requests hold no thread and no connection, and are woken by Postgres
 * notifications sent in the transaction of each status change, from any instance.
 */
package dev.pausepoint.pause.longpoll;
