<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>About</name>
    <message>
        <source>Carrierdesk desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{version} at {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountAnisTab</name>
    <message>
        <source>Caller number, e.g. +1 305 555 0101</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unregister…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n caller number(s)</source>
        <translation>
            <numerusform>%n caller number</numerusform>
            <numerusform>%n caller numbers</numerusform>
        </translation>
    </message>
    <message>
        <source>No caller numbers yet: type one above and press Register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering the caller number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unregister caller number {number}? Calls from it will no longer be recognised as this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unregistering the caller number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed destination (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed destination…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountCalling</name>
    <message>
        <source>it is suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tariff {tariff} is in another currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tariff {tariff} has no rate in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its dial plan {plan} has no route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no money left to call with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no caller number (ANI), DID or trunk leads a call to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountCallingSummary</name>
    <message>
        <source>Tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name} ({currency}, %n rate(s) in force)</source>
        <translation>
            <numerusform>{name} ({currency}, %n rate in force)</numerusform>
            <numerusform>{name} ({currency}, %n rates in force)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n route(s))</source>
        <translation>
            <numerusform>{name} (%n route)</numerusform>
            <numerusform>{name} (%n routes)</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} of {most}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls at once: {calls}; per second: {cps}; caller numbers: {anis}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It can call: {available} available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The balance is below its warning level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why can&apos;t this account call? Because {reasons}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountCallsTab</name>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every call of this account as a CSV file, as the service exports it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls from this account yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) saved to {path}</source>
        <translation>
            <numerusform>%n call saved to {path}</numerusform>
            <numerusform>%n calls saved to {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting calls…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDetailsPage</name>
    <message>
        <source>← Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recharge / payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller numbers (ANIs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed dials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the account: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {receipt}: {kind} of {amount}. New balance: {balance}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a date; write it like 2027-01-31 or 2027-01-31 18:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended: no new calls and no payments, calls in progress go on. Closed: no new calls, calls in progress are hung up, only refunds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tariff: its calls are refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dial plan: its calls are refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No taxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its caller numbers and destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never (or 2027-01-31, in UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit (postpaid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdraft (prepaid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New calls per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller numbers (ANIs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the account…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDidsTab</name>
    <message>
        <source>Read only here: administrators add DIDs, change them and assign them to accounts on the DIDs page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the DIDs page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n DID(s)</source>
        <translation>
            <numerusform>%n DID</numerusform>
            <numerusform>%n DIDs</numerusform>
        </translation>
    </message>
    <message>
        <source>No DIDs are assigned to this account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdraft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountHistory</name>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountNotesTab</name>
    <message>
        <source>A note for the other support reps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(removed user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s), newest first</source>
        <translation>
            <numerusform>%n note, newest first</numerusform>
            <numerusform>%n notes, newest first</numerusform>
        </translation>
    </message>
    <message>
        <source>No notes yet: write one above and press Add note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the note…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountPackagesTab</name>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({period}, {fee})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a package to assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the package for the current period and charges its fee now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n package period(s)</source>
        <translation>
            <numerusform>%n package period</numerusform>
            <numerusform>%n package periods</numerusform>
        </translation>
    </message>
    <message>
        <source>No packages: choose one above and press Assign (its fee is charged for the current period).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the package to assign first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigning the package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {package} for the period from {start}? It stops renewing; the fee paid stays paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the package…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountPaymentsTab</name>
    <message>
        <source>Entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n payment</numerusform>
            <numerusform>%n payments</numerusform>
        </translation>
    </message>
    <message>
        <source>No payments yet: Recharge / payment… above enters one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountRefs</name>
    <message>
        <source>No account you may see has the number {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountSpeedDialsTab</name>
    <message>
        <source>Slot </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number, e.g. +44 20 7946 0958</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n speed dial(s)</source>
        <translation>
            <numerusform>%n speed dial</numerusform>
            <numerusform>%n speed dials</numerusform>
        </translation>
    </message>
    <message>
        <source>No speed dials yet: choose a slot, type the number above and press Add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the speed dial…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete speed dial {slot} ({number})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the speed dial…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountStatementsTab</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) issued</source>
        <translation>
            <numerusform>%n document issued</numerusform>
            <numerusform>%n documents issued</numerusform>
        </translation>
    </message>
    <message>
        <source>No statement issued yet: choose a month above and Open or Save… it. An ended month is numbered and kept the first time; the current one is provisional.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountTab</name>
    <message>
        <source>Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} shown; scroll down for more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Prepaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postpaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers (no cards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Search number or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card accounts come by the thousand with a card batch: they are listed only when you ask for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance below…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the accounts whose balance is below this amount (0: below zero)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load accounts: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n account shown; scroll down for more</numerusform>
            <numerusform>%n accounts shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>Defaults for new accounts…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Your company and its administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator may do everything, including adding the other users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 4217 code of the money you bill in: USD, EUR, GBP, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports, daily caps and peak hours follow this time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a password of at least {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same password typed again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a currency code of three letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time zone from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create needs {items}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the administrator…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentPinDialog</name>
    <message>
        <source>Agent PIN of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s clerk calls the access number, presses * at the PIN prompt and keys this PIN to recharge the store&apos;s PIN-less customers from its balance. A new PIN replaces the old one at once and is shown only here, once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has no agent PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing a new PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it down now: it is not shown again. Issued {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent PIN revoked: it opens nothing now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AniDestinationDialog</name>
    <message>
        <source>Fixed destination of {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: the caller is asked (IVR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the destination…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BandScheduleDialog</name>
    <message>
        <source>New band schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band schedule {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>00:00 is midnight at the end of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dates like 2026-12-25, separated by spaces or new lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekend days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the band schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the band schedule…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BandSchedules</name>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a time of day; write it like 08:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a date; write dates like 2026-12-25</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchesTab</name>
    <message>
        <source>Batch name contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}. It holds live PINs: delete it once the cards are printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>%n batch</numerusform>
            <numerusform>%n batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) shown; scroll down for more</source>
        <translation>
            <numerusform>%n batch shown; scroll down for more</numerusform>
            <numerusform>%n batches shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No batch name contains “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card batches yet: make one with “Generate batch…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card batches yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlendDialog</name>
    <message>
        <source>Blend {tariff} from carriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the carriers whose buy decks make the cost (Space ticks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>percent over cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices are rounded up to a multiple of this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cost is the average of this many cheapest carriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least (per minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average of the cheapest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every rate of the tariff is replaced by the blended prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (no buy deck)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (switched off: skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the blend…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardDialogs</name>
    <message>
        <source>company currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the operator sells them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>New (never used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day after first use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days after first use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} or {after_use}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>Batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up a card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarrierDialog</name>
    <message>
        <source>New carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carries calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No buy tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 488, 403 (408 and 5xx always do)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels (0 = unlimited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per second (0 = unlimited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily minutes cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strip digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tech prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail over also on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly minutes cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways (the heavier weight is tried first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the carrier…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarrierPage</name>
    <message>
        <source>Your first carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The carrier your calls go out through, and the address of its gateway. Leave the fields empty to skip: carriers can be added later on the Carriers page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the carrier…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarriersPage</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(every number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (pinned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (excluded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(every carrier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>excluded for this prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no buy rate for the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would route at a loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over its minutes cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at its channel or CPS limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no common codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no route for the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no carrier can take it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{gateway}: switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{gateway}: not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{gateway}: up since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{gateway}: down since {since} (no answer to the switch&apos;s OPTIONS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({down} of {all} gateways down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carriers, as listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plans and routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RADIUS clients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarriersTab</name>
    <message>
        <source>Carrier name contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New carrier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier {name} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the carrier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} carries calls again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is switched off: routing skips it from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n carrier(s)</source>
        <translation>
            <numerusform>%n carrier</numerusform>
            <numerusform>%n carriers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n carrier(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n carrier shown; scroll down for more</numerusform>
            <numerusform>%n carriers shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No carrier name contains this text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carriers yet: add the carriers you buy minutes from with “New carrier…”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CdrSearchTab</name>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s)</source>
        <translation>
            <numerusform>%n call record</numerusform>
            <numerusform>%n call records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s) so far; scroll for more</source>
        <translation>
            <numerusform>%n call record so far; scroll for more</numerusform>
            <numerusform>%n call records so far; scroll for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No call records match: widen the time range or clear a filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export call records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call record(s) exported to {path}</source>
        <translation>
            <numerusform>%n call record exported to {path}</numerusform>
            <numerusform>%n call records exported to {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting call records…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommissionRuleDialog</name>
    <message>
        <source>Commission rule of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digits; empty = every number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the commission rule…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommissionRules</name>
    <message>
        <source>Add rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission rule saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete commission rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this commission rule ({basis})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the commission rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission rule deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
    <message>
        <source>No commission rules: this reseller earns no commission. Add one with “Add rule…”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanyDefaultsDialog</name>
    <message>
        <source>Defaults for new accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: new accounts get no tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: new accounts get no dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tariff (in the company currency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current defaults are still loading; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the defaults…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanySection</name>
    <message>
        <source>Save company settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the company settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {name}, {currency}, {zone}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Service status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place test call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A real call through the switch, billed to an account: it shows on Live calls and here, and its record in Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrent calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASR per carrier, last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASR %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{calls} calls in progress, {cps:.1f} calls/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service runs no SIP switch: no calls to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IVR: {callers} callers, {failures} wrong PINs, {lockouts} refused while locked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{carrier} (no calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{carrier} ({calls} calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet today. Admins can place a test call to see one go through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test call answered: it is on Live calls now and hangs up after {seconds}; its record then shows in Reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switch did not connect the test call: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in a file readable only by the service&apos;s user: this machine has no system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialPlanDialog</name>
    <message>
        <source>New dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plan {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the dial plan…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialPlansList</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plan {name} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n plan shown; scroll down for more</numerusform>
            <numerusform>%n plans shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No dial plans yet: add one with “New plan…”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialPlansTab</name>
    <message>
        <source>Dial plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes of {plan}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Discard what you typed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of it has been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DidDialog</name>
    <message>
        <source>New DID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DID {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+44 20 7946 0001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where calls go, e.g. +1 305 555 0101</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none, or e.g. en, es, fr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages the caller chooses from before the PIN: the first on key 1, the second on key 2… Each says &quot;for &lt;language&gt; press &lt;key&gt;&quot; in its own language. Empty: no menu (the card&apos;s or account&apos;s language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>callers&apos; numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IVR announces this percentage fewer minutes than a call may last (minute shrinking); calls are billed as usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charged every month to the account that pays for the DID, as a recurring fee (an access number&apos;s is the operator&apos;s own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s account&apos;s dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How calls that come in on this DID are routed when the caller&apos;s account has no dial plan of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account (pays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes announced less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surcharge per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surcharge per call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trunks could not be loaded: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no source IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no trunks yet: add one on the Trunks tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the DID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the DID…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dids</name>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-letter country code (GB, FR, DE…): {what} written in national form are read as numbers of this country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DidsModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DidsPage</name>
    <message>
        <source>DIDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trunks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DidsTab</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n DID(s)</source>
        <translation>
            <numerusform>%n DID</numerusform>
            <numerusform>%n DIDs</numerusform>
        </translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add DID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DID {number} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete DID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete DID {number}? If call records name it, the service keeps it and deactivates it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the DID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DID {number} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DID {number} is named by call records, so the service deactivated it instead of deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n DID(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n DID shown; scroll down for more</numerusform>
            <numerusform>%n DIDs shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No DID matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DIDs yet: add the numbers callers dial with “Add DID…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DIDs yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>face value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdraft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caller number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>band schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recurring fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speed dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no balance left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credit limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number is blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>toll-free number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused (code {code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked down after failed calls, until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked down after failed calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused by billing: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose its layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a date and time; write it like 2026-01-01 08:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may have at most {max_length} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has characters that do not belong here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be more than {gt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least {ge}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be less than {lt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most {le}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may have at most {decimal_places} digits after the point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has too many digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has too many digits before the point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: {expected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs at least {min_length} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may have at most {max_length} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not expected here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs at least {min_length} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} {key} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account {account} has no dial plan: choose a dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a dial plan, or an account whose dial plan is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your sign-in has ended: sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your role may not do this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {what} named “{name}” already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number {number} is already in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this service is already set up: sign in instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} is the last active administrator: make another user an administrator first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Carrierdesk service answers at {url}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplainTab</name>
    <message>
        <source>e.g. +44 7700 900123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: its tariff gives the sell rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account&apos;s dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number dialled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number and press Explain to see the route the switch would take and the carriers in the order it would try them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number {number} on dial plan {plan}: {outcome}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route {prefix}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strategy {strategy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sell rate {rate} per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account {number} ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tried first (pinned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCardsDialog</name>
    <message>
        <source>Export batch {name} for printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file holds the live PINs of all {count} cards of batch {name}, in clear. Anyone who reads it can spend the cards&apos; credit. Save it where only you can read it (it is written readable by you alone), and delete it once the cards are printed. The export is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the cards of batch {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to save the cards in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the cards…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeeDialog</name>
    <message>
        <source>New recurring fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Maintenance, DID rent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per period, in the account&apos;s currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later occurrences keep its weekday or day of month and time, in the account&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account number; empty: every active account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First due (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the fee…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeesModel</name>
    <message>
        <source>every active account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next due (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeesTab</name>
    <message>
        <source>New fee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge due fees now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service also charges them by itself every minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fee(s)</source>
        <translation>
            <numerusform>%n fee</numerusform>
            <numerusform>%n fees</numerusform>
        </translation>
    </message>
    <message>
        <source>No recurring fees yet: add a maintenance or DID-rent fee with New fee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee {name} saved; next due {due} UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charging the fees that are due…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n charge(s) made.</source>
        <translation>
            <numerusform>%n charge made.</numerusform>
            <numerusform>%n charges made.</numerusform>
        </translation>
    </message>
    <message>
        <source>No fee was due.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>{text} is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a number of minutes (whole seconds, e.g. 100 or 1.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a date and time; write it like 2026-01-01 08:00</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>{text} is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewaysTable</name>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerateBatchDialog</name>
    <message>
        <source>Generate a card batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Shop cards 10 EUR, May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expire after first use, in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who distributes the printed cards (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the company&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: no cards were made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service stopped answering about the batch: {message}. Refresh the list to see whether it was made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IvrPage</name>
    <message>
        <source>IVR prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recordings callers hear, by language. Replace a prompt with your own WAV or MP3 recording (converted to 8 kHz mono, at most 2 minutes); Restore default brings the product&apos;s recording back. The next call hears the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message>
        <source>replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the product&apos;s recording says; your recording plays instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} cannot be played here: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing {name} ({seconds:.1f} s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings (*.wav *.mp3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was not taken: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} replaced by your {kind} recording ({seconds:.1f} s, converted to 8 kHz mono); the next call hears it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the product&apos;s recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: the product&apos;s recording plays again from the next call.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <source>Calls now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASR today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACD today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profit today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-balance accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carriers down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{answered} of {calls} calls answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average talk time of today&apos;s answered calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active prepaid customer accounts with less than {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{down} of {carriers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carriers with no gateway answering the switch&apos;s keep-alive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies after a restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrierdesk will speak {language} from its next start. Restart it to switch now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Listing</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the list: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveCalls</name>
    <message>
        <source>In the IVR: {stage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying next carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone registration offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registering the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voucher entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other card&apos;s PIN entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moving the other card&apos;s balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent PIN entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the agent PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent: customer&apos;s number entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent: amount entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent: recharging a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hearing the minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hearing a last message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveCallsModel</name>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveCallsPage</name>
    <message>
        <source>Live calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the live calls: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up the caller {caller} in the IVR of {number}? The caller is cut off now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up the call from {caller} to {destination}? Both sides are cut off now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node {node} carries the call from {caller} to {destination} and was asked to hang it up; it ends within a second or two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call was not hung up: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n caller(s) in the IVR</source>
        <translation>
            <numerusform>%n caller in the IVR</numerusform>
            <numerusform>%n callers in the IVR</numerusform>
        </translation>
    </message>
    <message>
        <source>Hanging up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call from {caller} to {destination} was hung up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call from {caller} to {destination} had already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: updates as calls start and end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not live ({reason}); trying again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in progress. Calls appear here as they start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in progress</source>
        <translation>
            <numerusform>%n call in progress</numerusform>
            <numerusform>%n calls in progress</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveStream</name>
    <message>
        <source>The service ended the live stream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogoDialog</name>
    <message>
        <source>Logo of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on its customers&apos; statements and invoices and on its own statement. PNG or JPEG, up to 512 KiB and 2000 pixels a side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No logo: its documents carry its brand name alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the logo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo stored: {kind}, {width} × {height} pixels, {size} bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the logo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupTab</name>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First used (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PIN under the card&apos;s scratch strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the serial printed on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking the card up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IVR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carriers and routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resellers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are in a file, not a system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service found no system keyring on its machine, so its secrets are kept in a file readable only by its user. Install a keyring (e.g. Secret Service) to store them securely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {user} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NasClientDialog</name>
    <message>
        <source>New RADIUS client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RADIUS client {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>192.0.2.7, or a network: 192.0.2.0/28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require a Message-Authenticator (switch off only for a gateway that cannot send one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address or network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the RADIUS client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the RADIUS client…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NasClientsTab</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address or network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message-Authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add RADIUS client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RADIUS client {name} saved; the RADIUS server serves the change within {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete RADIUS client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete RADIUS client {name} ({address})? Its requests are dropped from then on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the RADIUS client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RADIUS client {name} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n RADIUS client(s)</source>
        <translation>
            <numerusform>%n RADIUS client</numerusform>
            <numerusform>%n RADIUS clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n RADIUS client(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n RADIUS client shown; scroll down for more</numerusform>
            <numerusform>%n RADIUS clients shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No RADIUS clients: only the switch itself may send RADIUS requests. Add a third-party gateway with “Add RADIUS client…”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewResellerDialog</name>
    <message>
        <source>New sub-reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown to its customers (white label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the reseller…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the user…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>New package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free minutes per period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefixes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The destinations the free seconds are for: E.164 digits the numbers start with, separated by commas or spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 44, 33, 4930</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee per period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>(no longer listed; refresh)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user is signed out everywhere and signs in with the new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment for {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card slip, transfer id… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entering the payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not answer in time, so the payment may have been entered. Press “Enter payment” again: it is never entered twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A payment with other values was already entered from this dialog; check the account&apos;s payments before entering another.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <source>Top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not an amount; write it like 10.50</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <source>Raise the prices of {tariff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5, or -2.5 to lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rounding up (6 decimal places)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also the connect and disconnect fees and the minimum cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the repricing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <source>New rate in {tariff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate {prefix} in {tariff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to calls shorter than the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to calls of at least the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fees and rounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps and bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E.164 digits the numbers start with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First block (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increment (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect fee threshold (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: the disconnect fee always applies; else the rule below says which calls pay it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect fee applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorter than the threshold: discourages short calls. At least the threshold (A2Billing&apos;s rule): short, failed-looking calls are spared the fee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect fee (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum duration (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minute shrinking (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} after (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off-peak price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekend price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateImport</name>
    <message>
        <source>Recognise from the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrierdesk (native)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A2Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASTPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MagnusBilling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column} (required)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateImportDialog</name>
    <message>
        <source>Import rates into {tariff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a CSV rate deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deck of the native layout with every column and one example row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the new rates take effect, in UTC. Rows of the deck that name their own start keep it; earlier rates of the same prefixes end then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deck file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a rate deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate decks (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrierdesk cannot tell this file&apos;s layout from its first line: choose the layout below, or start from the template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns it does not know: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required columns missing: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised layout: {layout}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the {layout} layout: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a rate deck template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate decks (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template saved to {path}: fill it in, then choose it above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template was not saved: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the deck file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading and checking the deck…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading rates: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {rows} rates from a deck of the {layout} layout; {closed} earlier rates now end where they start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported. {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost track of the import: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatesPage</name>
    <message>
        <source>Tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} {percent}% (in the price)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefixes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tariffs and rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurring fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tariff(s)</source>
        <translation>
            <numerusform>%n tariff</numerusform>
            <numerusform>%n tariffs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tariff(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n tariff shown; scroll down for more</numerusform>
            <numerusform>%n tariffs shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No tariffs yet: add one with New tariff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tariff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tariff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tariff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import deck…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blend from carriers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise prices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by prefix, e.g. 44</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit rate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete rate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rate(s)</source>
        <translation>
            <numerusform>%n rate</numerusform>
            <numerusform>%n rates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rate(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n rate shown; scroll down for more</numerusform>
            <numerusform>%n rates shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tax profile(s)</source>
        <translation>
            <numerusform>%n tax profile</numerusform>
            <numerusform>%n tax profiles</numerusform>
        </translation>
    </message>
    <message>
        <source>No tax profiles yet: add one with New tax profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tax profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tax profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n package(s)</source>
        <translation>
            <numerusform>%n package</numerusform>
            <numerusform>%n packages</numerusform>
        </translation>
    </message>
    <message>
        <source>No packages yet: add one with New package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n band schedule(s)</source>
        <translation>
            <numerusform>%n band schedule</numerusform>
            <numerusform>%n band schedules</numerusform>
        </translation>
    </message>
    <message>
        <source>No band schedules yet: add one with New band schedule, then choose it in a tariff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New band schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit band schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete band schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates of {tariff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a tariff above to see its rates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rate of this tariff starts with {prefix}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tariff has no rates yet: import a deck or add a rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A prefix is digits only, like 44 or 4420.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete tariff {tariff} and its {rates} rates? Calls are no longer rated with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tariff {tariff} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the rate of prefix {prefix} ({destination}) from {tariff}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate {prefix} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blended {priced} prefixes from {carriers}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped (switched off): {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carrier covers {count} prefix(es): {prefixes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rates} rates repriced by {percent} %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {tariff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {tariff}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {tariff} ({rates} rates, {size} bytes) to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export {tariff}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete band schedule {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band schedule {name} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Call records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResellerTaxesDialog</name>
    <message>
        <source>Taxes of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the taxes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResellerTreeModel</name>
    <message>
        <source>Reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Resellers</name>
    <message>
        <source>Usage based</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment based</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN-less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent of sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent of margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No taxes on its statement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResellersPage</name>
    <message>
        <source>Basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New reseller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sub-reseller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-resellers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell tariff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A white-label reseller&apos;s own sell tariff: its buy tariff with a markup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A white-label reseller&apos;s logo, printed on its customers&apos; documents and its own statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agent PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN a retail store&apos;s clerk keys in the IVR to recharge its PIN-less customers from its balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax profile its statement prints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reseller chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxes of {name} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell tariff {name} saved (rates: {count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseller {name} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load resellers: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resellers yet: add one with “New reseller…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reseller to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand a reseller to see its sub-resellers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the role…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteCarriersTable</name>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>New route in {plan}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route {prefix} in {plan}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digits; empty = every number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: refuse calls to this prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow routing at a loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least margin, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least margin per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a carrier to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the route…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutesList</name>
    <message>
        <source>Prefix starts with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New route…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route {prefix} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n route(s)</source>
        <translation>
            <numerusform>%n route</numerusform>
            <numerusform>%n routes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n route(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n route shown; scroll down for more</numerusform>
            <numerusform>%n routes shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a dial plan to see its routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No route prefix starts with these digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routes yet: add one with “New route…” (an empty prefix catches every number).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Routing</name>
    <message>
        <source>Least cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E.164 (international)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dial plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SellTariffDialog</name>
    <message>
        <source>Sell tariff of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefix=percent, e.g. 44=35; 4420=10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow selling below cost (a negative markup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markup %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markup per prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write each as prefix=percent: {part}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pricing the sell tariff…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceManager</name>
    <message>
        <source>SIP switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RADIUS server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster duties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lease ran out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceManagerPage</name>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lease until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls settled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines containing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch nodes on this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrierdesk {version}, database schema {revision}, running since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster&apos;s duties: scheduled backups, the mail outbox, the monthly statements and recurring fees, run by one node at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In {folder} ({every}, the last {keep} kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting the SIP switch ends the calls in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls in progress go on while it restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up while calls go on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace all the service&apos;s data with {name}? The SIP switch and RADIUS stop meanwhile (calls in progress end); the current data is backed up first. Everyone signs in again afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {name} ({rows} rows, every checksum equal). Sign in again with a user of that backup (Session → Switch user…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup {name} made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrierdesk backups (*.cdbackup);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} lines of {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceStartDialog</name>
    <message>
        <source>Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the service said:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Carrierdesk service answers at {url}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the Carrierdesk service on this computer (its data: {folder})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service&apos;s database could not be prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service on this computer stopped while starting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service on this computer did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Carrierdesk installation answers at {url} (its database: {where}). It is not this computer&apos;s service, so Carrierdesk does not use it. Stop that service, or give this computer&apos;s service another port with: carrier-switch config set api_port NUMBER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service on this computer cannot start: its config file has a problem.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Carrierdesk service this desktop signs in to, e.g. http://127.0.0.1:8470. Used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in at sign-in. Leave it empty to forget it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored when chosen; applies from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On receipts and statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 4217 code of the money you bill in (USD, EUR, …): new accounts, tariffs and cards take it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports, daily caps, peak hours and recurring fees of new accounts follow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed under the company name on statements and invoices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the service at this address who it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings of this desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings of the service&apos;s machine (ports, database) are kept there: carrier-switch config show lists them, carrier-switch config set changes one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of the Carrierdesk service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The desktop uses them from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking {url}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrierdesk {version} answers at {url} ({database}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Carrierdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the Carrierdesk service (started with carrier-switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of the Carrierdesk service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatementPicker</name>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month&apos;s statement in this computer&apos;s PDF viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month&apos;s statement as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send by e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month&apos;s statement to the address on record, the PDF attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month} (so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement of {month} saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement {number} goes to {address} by e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement of {month} opened ({path})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the statement…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Statements</name>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseller statement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TariffDialog</name>
    <message>
        <source>New tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tariff {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: one price at all hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell: what customers pay. Buy: what a carrier charges us.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The peak, off-peak, weekend and holiday hours of the rates&apos; band prices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TariffJobDialog</name>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaxProfileDialog</name>
    <message>
        <source>New tax profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax profile {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked: the tax is already in the price. Unticked: added on top.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestCallDialog</name>
    <message>
        <source>Place test call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill to account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficTab</name>
    <message>
        <source>Run report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASR %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACD (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a grouping and a range, then run the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACD (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{calls} calls, {minutes} minutes in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrunkDialog</name>
    <message>
        <source>New trunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trunk {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 203.0.113.10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the numbers it sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account (billed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where calls to the trunk&apos;s DIDs are delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls from this address are the trunk&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the trunk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the trunk…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrunksModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrunksTab</name>
    <message>
        <source>Name contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add trunk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trunk {name} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete trunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete trunk {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the trunk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trunk {name} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n trunk(s)</source>
        <translation>
            <numerusform>%n trunk</numerusform>
            <numerusform>%n trunks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trunk(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n trunk shown; scroll down for more</numerusform>
            <numerusform>%n trunks shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer trunks yet: add a customer&apos;s PBX or switch with “Add trunk…”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>Reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the user&apos;s reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reseller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No (deactivated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User {name} added: they can sign in now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is now: {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of {name} reset; their other sessions are signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate {name}? They are signed out at once and cannot sign in until reactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is deactivated and signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n user shown; scroll down for more</numerusform>
            <numerusform>%n users shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No user matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoucherDialog</name>
    <message>
        <source>Generate vouchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. a campaign, to find them by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for accounts of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These codes are shown only now: copy or save them before you close this window. Each one is worth its value to whoever types it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the vouchers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the voucher codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VouchersModel</name>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VouchersTab</name>
    <message>
        <source>All vouchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate vouchers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voucher code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeem a code onto an account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s) made.</source>
        <translation>
            <numerusform>%n voucher made.</numerusform>
            <numerusform>%n vouchers made.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the voucher&apos;s code and the number of the account to credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeeming the voucher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} credited to account {number} (receipt {receipt}); its balance is now {balance}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s)</source>
        <translation>
            <numerusform>%n voucher</numerusform>
            <numerusform>%n vouchers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voucher(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n voucher shown; scroll down for more</numerusform>
            <numerusform>%n vouchers shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message>
        <source>No voucher matches this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vouchers yet: make some with “Generate vouchers…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vouchers yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeField</name>
    <message>
        <source>Welcome prompt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a WAV or MP3 recording callers on this access number hear instead of the standard welcome (converted to 8 kHz mono)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the standard welcome (add the DID, then open it to record its own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its own recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the standard welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings (*.wav *.mp3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was not taken: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your {kind} recording ({seconds:.1f} s, converted to 8 kHz mono) welcomes the next caller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The standard welcome plays again from the next call.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_UserChangeDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
