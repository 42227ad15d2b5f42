/** The apps of the emulator's demo fixtures (the consumer one and the B2B one share them). */
export const APP = {
  calendarSync: 'connected-app-test-1c0e7d2a-3b4f-4a5c-8d6e-7f8091a2b3c4',
  deployBot: 'connected-app-test-2d1f8e3b-4c5a-4b6d-9e7f-8091a2b3c4d5',
  pocketNotes: 'connected-app-test-3e2a9f4c-5d6b-4c7e-8f80-91a2b3c4d5e6',
  insights: 'connected-app-test-4f3b0a5d-6e7c-4d8f-9091-a2b3c4d5e6f7',
};
