import { API } from '../../shared/api/routes';
import { connectedClient } from '../api/session';

/** 확인: the alert stays open on the server until its condition clears, but no longer nags in the sidebar. */
export function acknowledgeAlert(id: string): { id: string } {
  const { alert } = connectedClient().call(API.ackAlert, { params: { id }, body: {} });
  return { id: alert.id };
}
