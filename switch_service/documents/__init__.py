"""Documents: customer statements and postpaid invoices, reseller statements (PDF, reportlab).

`statement_figures` reads a period's figures with SQL aggregates (never the CDRs one by one), `statement_pdf` turns
figures into PDF bytes and knows no database, `issued` numbers and stores the documents of ended periods.
"""
